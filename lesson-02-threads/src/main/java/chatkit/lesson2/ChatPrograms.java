package chatkit.lesson2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The two chat programs around your code: they read the arguments, start your threads, print
 * what happens, and turn every network problem into a one-line message and an exit code:
 * 0 when the program ended normally, 1 when the network failed, 2 for wrong arguments.
 *
 * {@code ChatServer.run} and {@code ChatClient.run} call these.
 *
 * Provided code: no need to change this.
 */
public class ChatPrograms {

    /** How long the client waits for the server's goodbye after you typed /quit. */
    private static final long GOODBYE_WAIT_MILLIS = 1000;

    private ChatPrograms() {
    }

    /** The server: listen, accept clients on one thread, and stop when /quit is typed here. */
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
        ChatServer server = new ChatServer();
        int port;
        try {
            port = server.listen(options.port(), options.bindAddress());
        } catch (BindException e) {
            boolean reserved = options.port() > 0 && options.port() < 1024
                    && String.valueOf(e.getMessage()).contains("ermission");
            err.println(reserved ? ChatMessages.reservedPort(options.port()) : ChatMessages.portInUse(options.port()));
            return 1;
        } catch (IOException e) {
            err.println(ChatMessages.cannotListen(options.port(), e));
            return 1;
        }
        String where = options.lan() ? "all network interfaces" : options.bindAddress().getHostAddress();
        out.println("Chat server listening on " + where + " port " + port + ". Type /quit here to stop it.");
        if (options.lan()) {
            out.println("Others on your network can connect to: " + ChatMessages.lanAddresses() + " port " + port);
        }
        CompletableFuture<Void> accepting = inBackground("chat-accept", () -> server.acceptClientsUntilClosed(err));
        inBackground("chat-console", () -> stopOnQuit(keyboard, out, server));
        try {
            accepting.get(); // acceptClients() runs until the server is closed (again after a client was turned away)
            if (!server.isClosed()) {
                err.println("The server stopped accepting clients, but nobody closed it: acceptClients() should"
                        + " accept clients until the server is closed.");
                server.close();
                return 1;
            }
        } catch (ExecutionException e) {
            if (!server.isClosed()) {
                server.close();
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause(); // an unfinished TODO, say: its own message says which
                }
                err.println(ChatMessages.stoppedAccepting(e.getCause()));
                return 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            return 1;
        }
        // The console's /quit closed the server, and that close() may still be sending the
        // goodbyes: closing again waits for it (close() is synchronized), since the program exits next.
        server.close();
        out.println("Server stopped. Bye!");
        return 0;
    }

    /** The server's console: /quit (or exit) stops the server; the end of the input changes nothing. */
    private static void stopOnQuit(BufferedReader keyboard, PrintWriter out, ChatServer server) throws IOException {
        String line;
        while ((line = keyboard.readLine()) != null) {
            if (ChatCommand.parse(line).kind() == ChatCommand.Kind.QUIT) {
                server.close();
                return;
            }
            out.println("This is the server's console: type /quit to stop the server. Chat from a client.");
        }
    }

    /** The client: connect, read on one thread and type on another, until /quit or the server goes. */
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
        ChatClient client = new ChatClient();
        try {
            client.connect(options.host(), options.port());
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
        try (client) {
            out.println("Connected to " + options.host() + " port " + options.port()
                    + ". Type /help for the commands, /quit to leave.");
            // The server's lines are printed through a filter: no terminal codes reach your screen.
            Thread reader = client.startReader(Terminal.safe(out));
            CompletableFuture<Void> typing = inBackground("chat-keyboard", () -> client.typeLines(keyboard));
            // Two things can end the chat: you (typing /quit) or the server (closing the connection).
            while (!typing.isDone() && reader != null && reader.isAlive()) {
                reader.join(20);
            }
            if (!typing.isDone()) {
                out.println(ChatMessages.serverClosed());
                return 0;
            }
            try {
                typing.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                err.println(ChatMessages.connectionLost((IOException) e.getCause()));
                return 1;
            }
            if (reader != null) {
                reader.join(GOODBYE_WAIT_MILLIS); // the server's goodbye, so you see it
            }
            out.println("You left the chat. Bye!");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Something that runs on a thread of its own and may fail with an IOException. */
    private interface Job {
        void run() throws IOException;
    }

    /** Runs {@code job} on a new daemon thread; the future tells when it ended, and how. */
    private static CompletableFuture<Void> inBackground(String name, Job job) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                job.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
