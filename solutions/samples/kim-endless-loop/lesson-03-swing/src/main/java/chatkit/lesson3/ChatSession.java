package chatkit.lesson3;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.swing.SwingUtilities;

/**
 * The network side of the chat window: the connection to the server, the reader thread that
 * receives lines, and sending. It never touches the window; it changes the {@link ChatModel},
 * and only on the event dispatch thread.
 *
 * <pre>
 *   reader thread:  line = connection.readLine()  --invokeLater-->  event thread: model.apply(...)
 *   event thread:   you press Enter  -->  send(text)  -->  connection.send(text)  (never waits)
 * </pre>
 *
 * Reference solution: the starter file with TODOs 3, 4 and 5 done.
 */
public class ChatSession implements Closeable {

    /** How long connect() tries before it gives up. */
    public static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final ChatModel model;
    private Connection connection;

    public ChatSession(ChatModel model) {
        this.model = model;
    }

    /**
     * Connects to the server. It may take a few seconds, so never call it on the event thread
     * (the window would freeze): the window calls it from a SwingWorker.
     * Provided code: no need to change this.
     */
    public void connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            connection = new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Step 3: hands one line from the server over to the event thread, where it is parsed and
     * applied to the model. Called on the reader thread.
     */
    public void deliver(String line) {
        // invokeLater returns at once: the reader thread goes back to reading while the event
        // thread, in its own time, parses the line and updates the model (and so the window).
        SwingUtilities.invokeLater(() -> model.apply(ServerLine.parse(line)));
    }

    /**
     * Step 4: starts the reader thread: it reads every line from the server and delivers it,
     * and when the connection ends it calls {@link #connectionEnded()}. Returns the thread.
     */
    public Thread startReader() {
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = connection.readLine()) != null) {
                    deliver(line);
                }
            } catch (IOException e) {
                // the connection broke: for the window the same as the server closing it
            }
            connectionEnded();
        }, "chat-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /**
     * Step 5: sends what you typed. The server does not send your own chat lines back, so a
     * chat line (not a command starting with "/") is also added to your conversation, as
     * "&lt;you&gt; text". Called on the event thread.
     */
    public void send(String text) {
        connection.send(text);
        if (!text.startsWith("/")) {
            model.apply(ServerLine.chat(model.me(), text));
        }
    }

    /** Step 5: sends a private message to {@code to}: the server's /msg command. */
    public void sendPrivate(String to, String text) {
        send("/msg " + to + " " + text);
    }

    /** Sends the nickname you asked for (it is not a chat line). Provided code: no need to change this. */
    public void sendNickname(String nickname) {
        connection.send(nickname);
    }

    /**
     * The reader thread calls this when the connection has ended: the model hears of it on the
     * event thread. Provided code: no need to change this.
     */
    public void connectionEnded() {
        SwingUtilities.invokeLater(() -> {
            if (model.status() != ChatModel.Status.DISCONNECTED) {
                model.disconnected("Disconnected: the server closed the connection.");
            }
        });
    }

    /** True while connected (the connection is open). Provided code: no need to change this. */
    public boolean isOpen() {
        return connection != null && !connection.isClosing();
    }

    /** Says goodbye to the server (/quit) and hangs up. Provided code: no need to change this. */
    @Override
    public void close() {
        if (connection != null) {
            connection.send("/quit");
            connection.close();
        }
    }
}
