// @kit:instructor-only picture maker - never copy into the student edition
package chatkit.lesson3.window;

import chatkit.lesson2.ChatServer;
import chatkit.lesson3.ChatWindow;
import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/**
 * Draws the reference chat window, in three states, to PNG files for the handout and the docs:
 * the connect form, a conversation (chat lines, notices, a private message, the online list), and
 * the disconnected state. Runs the lesson 2 reference server in this JVM, and needs a display:
 * {@code solutions/pictures} runs it under xvfb-run.
 */
public final class WindowPictures {

    private WindowPictures() {
    }

    public static void main(String[] args) throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("No display: run this under xvfb-run (solutions/pictures does).");
            System.exit(1);
        }
        Path out = Paths.get(args.length > 0 ? args[0] : "docs/pictures");
        Files.createDirectories(out);
        ChatServer server = new ChatServer();
        int port = server.listen(0, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                server.acceptClients();
            } catch (IOException e) {
                // stopped
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();

        JFrame alice = onEdt(() -> ChatWindow.open("127.0.0.1", port));
        type(alice, "nickname", "alice");
        save(alice, out.resolve("lesson-03-connect.png"));

        try (Socket bob = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket carol = new Socket(InetAddress.getLoopbackAddress(), port)) {
            click(alice, "connect");
            waitFor(alice, "status", "Connected as alice");
            Line bobLine = new Line(bob);
            Line carolLine = new Line(carol);
            bobLine.join("bob");
            carolLine.join("carol");
            bobLine.send("hi alice! are you coming tonight?");
            type(alice, "input", "yes, at 8 - shall I bring the cake?");
            onEdt(() -> {
                ((JTextField) find(alice, "input")).postActionEvent();
                return null;
            });
            carolLine.send("/msg alice psst: it's bob's birthday");
            bobLine.send("/nick robert");
            carolLine.send("/quit");
            waitFor(alice, "conversation", "carol left");
            onEdt(() -> {
                ((JList<?>) find(alice, "online")).setSelectedIndex(1);
                return null;
            });
            save(alice, out.resolve("lesson-03-conversation.png"));
        }
        server.close();
        waitFor(alice, "status", "Disconnected");
        save(alice, out.resolve("lesson-03-disconnected.png"));
        System.out.println("Pictures written to " + out.toAbsolutePath());
        System.exit(0);
    }

    /** A raw client that joins and sends lines (and reads nothing back: the server's outbox copes). */
    private static final class Line {
        private final BufferedReader in;
        private final Writer writer;

        Line(Socket socket) throws IOException {
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            writer = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        }

        void join(String nickname) throws IOException {
            in.readLine(); // hello
            send(nickname);
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("* WELCOME")) {
                // skip
            }
        }

        void send(String line) throws IOException {
            writer.write(line + "\n");
            writer.flush();
        }
    }

    private static void waitFor(JFrame frame, String name, String text) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            String shown = onEdt(() -> {
                Component component = find(frame, name);
                return component instanceof JLabel label ? label.getText()
                        : component instanceof javax.swing.text.JTextComponent textComponent ? textComponent.getText() : "";
            });
            if (shown.contains(text)) {
                Thread.sleep(300); // let the last lines settle on screen before the picture
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the window never showed \"" + text + "\" in " + name);
    }

    private static void type(JFrame frame, String name, String text) throws Exception {
        onEdt(() -> {
            ((JTextField) find(frame, name)).setText(text);
            return null;
        });
    }

    private static void click(JFrame frame, String name) throws Exception {
        onEdt(() -> {
            ((AbstractButton) find(frame, name)).doClick();
            return null;
        });
    }

    private static void save(JFrame frame, Path file) throws Exception {
        BufferedImage image = onEdt(() -> {
            BufferedImage picture = new BufferedImage(frame.getRootPane().getWidth(), frame.getRootPane().getHeight(),
                    BufferedImage.TYPE_INT_RGB);
            frame.getRootPane().paint(picture.getGraphics());
            return picture;
        });
        ImageIO.write(image, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static Component find(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof Container container) {
                Component found = find(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private interface EdtTask<T> {
        T run() throws Exception;
    }

    private static <T> T onEdt(EdtTask<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(task.run());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
