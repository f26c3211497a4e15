package chatkit.lesson2;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Socket;

/**
 * A console chat client that reads and writes at the same time: a reader thread prints every
 * line from the server as soon as it arrives, while you type on the main thread. (In lesson 1
 * you could not read while you typed; this is the fix.)
 *
 * <pre>
 *   java -cp target/classes chatkit.lesson2.ChatClient --port 5000
 *
 *   Connected to 127.0.0.1 port 5000. Type /help for the commands, /quit to leave.
 *   * HELLO Welcome to the chat! Type a nickname and press Enter.
 *   alice
 *   * WELCOME alice - you are in. 2 online. Type /help for the commands.
 *   &lt;bob&gt; hi alice!
 *   hello bob
 *   /quit
 *   * BYE Goodbye, alice!
 * </pre>
 *
 * Reference solution: the starter file with TODOs 8 and 9 done.
 */
public class ChatClient implements Closeable {

    private Connection connection;

    /** Connects to the chat server on {@code host} and {@code port}. Provided code: no need to change this. */
    public void connect(String host, int port) throws IOException {
        connection = new Connection(new Socket(host, port));
    }

    /**
     * Step 8 (1 of 2): prints every line the server sends, as it arrives, until the server closes
     * the connection (or it breaks).
     */
    public void showIncomingLines(PrintWriter screen) {
        try {
            String line;
            while ((line = connection.readLine()) != null) {
                screen.println(line);
            }
        } catch (IOException e) {
            // The connection broke: for the user that is the same as the server closing it.
        }
    }

    /** Step 8 (2 of 2): starts a thread that runs {@link #showIncomingLines}, and returns it. */
    public Thread startReader(PrintWriter screen) {
        Thread reader = new Thread(() -> showIncomingLines(screen), "chat-reader");
        // A daemon thread never keeps the program alive on its own.
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /**
     * Step 9: sends every line you type to the server, until you type /quit or exit (sent too,
     * so the server can say goodbye) or the keyboard input ends.
     */
    public void typeLines(BufferedReader keyboard) throws IOException {
        String line;
        while ((line = keyboard.readLine()) != null) {
            connection.send(line);
            if (ChatCommand.parse(line).kind() == ChatCommand.Kind.QUIT) {
                return;
            }
        }
    }

    /** Sends what is still queued, then hangs up. Provided code: no need to change this. */
    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }

    /**
     * Runs the whole client program with this keyboard and screen, and returns its exit code
     * (0 chat ended, 1 network problem, 2 wrong arguments). The tests call this.
     * Provided code: no need to change this.
     */
    public static int run(String[] args, BufferedReader keyboard, PrintWriter out, PrintWriter err) {
        return ChatPrograms.client(args, keyboard, out, err);
    }

    /** Starts the client on the real keyboard and screen. Provided code: no need to change this. */
    public static void main(String[] args) {
        Terminal.runAndExit(ChatClient::run, args);
    }
}
