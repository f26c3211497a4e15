package chatkit.lesson3;

import java.awt.GraphicsEnvironment;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The chat window: a frame around a {@link ChatPanel}. Start a lesson 2 server first, then:
 *
 * <pre>
 *   ../mvnw -q compile
 *   java -cp target/classes chatkit.lesson3.ChatWindow             (the form says 127.0.0.1, 5000)
 *   java -cp target/classes chatkit.lesson3.ChatWindow HOST PORT
 * </pre>
 *
 * Provided code: no need to change this.
 */
public class ChatWindow {

    /** The window's title (with your nickname in front while connected); screenshots find the window by it. */
    public static final String TITLE = "Socket Chat Kit - lesson 3";

    private ChatWindow() {
    }

    /** Builds and shows the window; call on the event dispatch thread. */
    public static JFrame open(String host, int port) {
        JFrame frame = new JFrame(TITLE);
        frame.setName("chatWindow");
        ChatModel model = new ChatModel();
        frame.setContentPane(new ChatPanel(model, host, port));
        // Who you are, in the title: with two windows open, each says whose it is.
        model.addListener(() -> frame.setTitle(model.status() == ChatModel.Status.CONNECTED && !model.me().isEmpty()
                ? model.me() + " - " + TITLE : TITLE));
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.pack();
        frame.setLocationByPlatform(true);
        frame.setVisible(true);
        return frame;
    }

    public static void main(String[] args) {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("This computer has no screen for windows (headless). Run the chat window on a desktop,"
                    + " or under xvfb-run on a server.");
            System.exit(1);
        }
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port;
        try {
            port = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        } catch (NumberFormatException e) {
            System.err.println("Usage: ChatWindow [HOST [PORT]]   (the port must be a number, not '" + args[1] + "')");
            System.exit(2);
            return;
        }
        SwingUtilities.invokeLater(() -> open(host, port));
    }
}
