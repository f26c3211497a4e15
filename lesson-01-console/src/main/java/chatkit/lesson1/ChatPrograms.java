package chatkit.lesson1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.UnknownHostException;

/**
 * The two chat programs around your code: they read the arguments, call your methods in order,
 * print what happens, and turn every network problem into a one-line message and an exit code:
 * 0 when the chat ended normally, 1 when the network failed, 2 for wrong arguments.
 *
 * {@code ConsoleChatServer.run} and {@code ConsoleChatClient.run} call these.
 *
 * Provided code: no need to change this.
 */
public class ChatPrograms {

    private ChatPrograms() {
    }

    /** The server: listen, accept one friend, chat (the friend speaks first), close. */
    public static int server(String[] args, BufferedReader keyboard, PrintWriter out, PrintWriter err) {
        ChatOptions options;
        try {
            options = ChatOptions.forServer(args);
        } catch (ChatOptions.UsageException e) {
            err.println(e.getMessage());
            err.println(ChatOptions.SERVER_USAGE);
            return 2;
        }
        if (options.helpWanted()) {
            out.println(ChatOptions.SERVER_USAGE);
            return 0;
        }
        ConsoleChatServer server = new ConsoleChatServer();
        int port;
        try {
            port = server.listen(options.port(), options.bindAddress());
        } catch (BindException e) {
            // Java reports a port kept for the administrator as a BindException too.
            boolean reserved = options.port() > 0 && options.port() < 1024
                    && String.valueOf(e.getMessage()).contains("ermission");
            err.println(reserved ? ChatMessages.reservedPort(options.port()) : ChatMessages.portInUse(options.port()));
            return 1;
        } catch (IOException e) {
            err.println(ChatMessages.cannotListen(options.port(), e));
            return 1;
        }
        // From here on the server is listening: try (...) closes it however the chat ends.
        try (server) {
            String where = options.lan() ? "all network interfaces" : options.bindAddress().getHostAddress();
            out.println("Chat server listening on " + where + " port " + port + ". Waiting for a friend to connect...");
            if (options.lan()) {
                out.println("Friends on your network can connect to: " + ChatMessages.lanAddresses() + " port " + port);
            }
            try (LineConnection friend = new LineConnection(server.acceptClient())) {
                out.println("Your friend connected from " + friend.peerAddress() + ". They speak first - wait for their line.");
                Ending ending = new Conversation(friend, keyboard, out).run(false);
                out.println(ending.message());
                return 0;
            }
        } catch (IOException e) {
            err.println(ChatMessages.connectionLost(e));
            return 1;
        }
    }

    /** The client: connect, chat (you speak first), close. */
    public static int client(String[] args, BufferedReader keyboard, PrintWriter out, PrintWriter err) {
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
            socket = ConsoleChatClient.connect(options.host(), options.port());
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
}
