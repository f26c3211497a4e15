// @kit:instructor-only reference solution - never copy into the student edition
package chatkit.lesson1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;

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
 *
 * Reference solution: the starter file with TODO 3 done.
 */
public class ConsoleChatClient {

    private ConsoleChatClient() {
    }

    /** Step 3: connects to the server at {@code host}, {@code port}, and returns the socket. */
    public static Socket connect(String host, int port) throws IOException {
        // new Socket(host, port) would wait for the OS limit (minutes) on an unreachable
        // computer; ten seconds is plenty on a lab network.
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /**
     * Runs the client program and returns its exit code: 0 when the chat ended normally, 1 when
     * the network failed, 2 for wrong arguments. Provided code: no need to change this.
     */
    public static int run(String[] args, BufferedReader keyboard, PrintWriter out, PrintWriter err) {
        ChatOptions options;
        try {
            options = ChatOptions.forClient(args);
        } catch (ChatOptions.UsageException e) {
            err.println(e.getMessage());
            err.println(ChatOptions.CLIENT_USAGE);
            return 2;
        }
        if (options.helpWanted()) {
            out.println(ChatOptions.CLIENT_USAGE);
            return 0;
        }
        Socket socket;
        try {
            socket = connect(options.host(), options.port());
        } catch (ConnectException e) {
            err.println(ChatMessages.connectionRefused(options.host(), options.port()));
            return 1;
        } catch (UnknownHostException e) {
            err.println(ChatMessages.unknownHost(options.host()));
            return 1;
        } catch (IOException e) {
            err.println(ChatMessages.connectionLost(e));
            return 1;
        }
        try (LineConnection server = new LineConnection(socket)) {
            out.println("Connected to " + options.host() + " port " + options.port()
                    + ". You speak first: type a line and press Enter (exit to leave).");
            Ending ending = new Conversation(server, keyboard, out).run(true);
            out.println(ending.message());
            return 0;
        } catch (IOException e) {
            err.println(ChatMessages.connectionLost(e));
            return 1;
        }
    }

    /** Starts the client on the real keyboard and screen. Provided code: no need to change this. */
    public static void main(String[] args) {
        PrintWriter err = Terminal.errors();
        int exitCode;
        try {
            exitCode = run(args, Terminal.keyboard(), Terminal.screen(), err);
        } catch (UnsupportedOperationException e) {
            err.println(ChatMessages.notFinished(e));
            exitCode = 3;
        }
        System.exit(exitCode);
    }
}
