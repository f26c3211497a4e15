package chatkit.lesson1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Socket;

/**
 * The client side of a one-to-one console chat: it connects to a running
 * {@link ConsoleChatServer}, then you speak first and the two of you take turns.
 *
 * <pre>
 *   ../mvnw -q compile
 *   java -cp target/classes chatkit.lesson1.ConsoleChatClient --host 127.0.0.1 --port 5000
 *
 *   Connected to 127.0.0.1 port 5000. You speak first: type a line and press Enter (exit to leave).
 *   you> hi!
 *   friend> hello, how are you?
 *   you> exit
 *   You left the chat. Bye!
 * </pre>
 */
public class ConsoleChatClient {

    private ConsoleChatClient() {
    }

    /** Step 3: connects to the server at {@code host}, {@code port}, and returns the socket. */
    public static Socket connect(String host, int port) throws IOException {
        // TODO 3: open a socket connected to host and port, and return it.
        throw new UnsupportedOperationException(
                "TODO 3 not done: ConsoleChatClient.connect() - see README, step 3");
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
        Terminal.runAndExit(ConsoleChatClient::run, args);
    }
}
