package chatkit.lesson2;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat server for many people at once. It listens on a port; every client that connects gets
 * a thread of its own (a {@link ClientHandler}), and all of them share one {@link ClientRegistry}
 * of who is online, so a line from one client can reach all the others.
 *
 * <pre>
 *   ../mvnw -q compile
 *   java -cp target/classes chatkit.lesson2.ChatServer --port 5000
 *
 *   Chat server listening on 127.0.0.1 port 5000. Type /quit here to stop it.
 *   (then connect with: java -cp target/classes chatkit.lesson2.ChatClient --port 5000, or nc 127.0.0.1 5000)
 * </pre>
 */
public class ChatServer implements Closeable {

    /**
     * At most this many connections at once, named or not yet: the next one is told the server is
     * full ({@link ChatLines#serverFull()}) and closed. Each client costs two threads (its own and
     * its connection's writer), and a computer runs out of threads long before it runs out of ports.
     */
    public static final int MAX_CONNECTIONS = 1000;

    private final ClientRegistry registry = new ClientRegistry();
    /** How long close() waits, at most, for the goodbyes to be sent. */
    private static final long GOODBYE_MILLIS = 1000;

    /** Every open connection, named or not yet, so close() can end them all. */
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    /** Connections whose thread has not started yet (see {@link #acceptClientsUntilClosed}). */
    private final Set<Connection> waitingForThread = ConcurrentHashMap.newKeySet();
    /** How many times {@link #handlerFor} was called: did the accept loop take a client? */
    private final AtomicInteger clientsTaken = new AtomicInteger();
    private final int maxConnections;
    private ServerSocket serverSocket;
    private volatile boolean closed;

    /** A server for at most {@link #MAX_CONNECTIONS} connections at once. Provided code: no need to change this. */
    public ChatServer() {
        this(MAX_CONNECTIONS);
    }

    /** A server for at most {@code maxConnections} connections at once. Provided code: no need to change this. */
    public ChatServer(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /**
     * Opens the listening socket (you wrote this in lesson 1) and returns the port it listens on.
     * Provided code: no need to change this.
     */
    public int listen(int port, InetAddress bindAddress) throws IOException {
        serverSocket = new ServerSocket(port, 50, bindAddress);
        return serverSocket.getLocalPort();
    }

    /**
     * Step 1: accepts clients for as long as the server runs, and starts a new thread for each
     * one, running {@link #handlerFor(Socket)}. Ends with an exception once the server is closed.
     */
    public void acceptClients() throws IOException {
        // TODO 1: in a loop that never ends, accept a client on serverSocket and start a new
        // Thread running handlerFor(theClientSocket). (Closing the server ends the loop with an exception.)
        throw new UnsupportedOperationException(
                "TODO 1 not done: ChatServer.acceptClients() - see README, step 1");
    }

    /**
     * The work of one client's thread: its whole conversation with the server. A client beyond
     * {@link #MAX_CONNECTIONS} is told the server is full, and closed.
     * Provided code: no need to change this.
     */
    public Runnable handlerFor(Socket socket) {
        clientsTaken.incrementAndGet();
        if (connections.size() >= maxConnections) {
            refuse(socket);
            return () -> { };
        }
        Connection connection;
        try {
            connection = new Connection(socket);
        } catch (IOException e) {
            // The client left before we could even say hello: nothing to do for it.
            closeQuietly(socket);
            return () -> { };
        } catch (OutOfMemoryError e) {
            // "unable to create native thread": no thread left for this connection's writer.
            refuse(socket);
            return () -> { };
        }
        connections.add(connection);
        waitingForThread.add(connection);
        if (closed) {
            connection.close(); // the server closed while this client was being accepted
        }
        ClientHandler handler = new ClientHandler(connection, registry);
        return () -> {
            if (!waitingForThread.remove(connection)) {
                return; // turned away already (see acceptClientsUntilClosed): this thread came too late
            }
            try {
                handler.run();
            } finally {
                connections.remove(connection);
            }
        };
    }

    /**
     * What the server program runs: {@link #acceptClients()}, for as long as the server runs. If
     * starting a client's thread fails because the computer has no thread left (an
     * OutOfMemoryError, "unable to create native thread"), acceptClients() ends with that error:
     * then every client whose thread has not started is told the server is full and closed, one
     * line says so on {@code log}, and accepting starts again. Everyone else chats on.
     * Provided code: no need to change this.
     */
    public void acceptClientsUntilClosed(PrintWriter log) throws IOException {
        while (true) {
            int taken = clientsTaken.get();
            try {
                acceptClients();
                return;
            } catch (OutOfMemoryError e) {
                if (closed || clientsTaken.get() == taken) {
                    throw e; // it did not come from taking a client: nothing to turn away, stop as before
                }
                for (Connection connection : waitingForThread) {
                    // remove() is atomic: either the client's thread (if it did start) or this loop gets it.
                    if (waitingForThread.remove(connection)) {
                        connection.send(ChatLines.serverFull());
                        connection.close();
                        connections.remove(connection);
                    }
                }
                log.println(ChatMessages.turnedAway(e));
            }
        }
    }

    /**
     * Tells a client the server is full, and hangs up. The line is short and the connection new,
     * so it fits in the socket's buffer: the write never waits.
     */
    private static void refuse(Socket socket) {
        try (socket) {
            socket.getOutputStream().write((ChatLines.serverFull() + "\n").getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput(); // the line, then the end of the stream, before the socket closes
        } catch (IOException e) {
            // the client is gone already
        }
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops the server: no new clients, and every client gets a goodbye and is disconnected, so
     * every thread of the server ends. Returns once the goodbyes have left (at most a second): a
     * second call waits for the first. Provided code: no need to change this.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (serverSocket != null) {
            closeQuietly(serverSocket);
        }
        for (Connection connection : connections) {
            connection.send(ChatLines.bye("The server is shutting down. Goodbye!"));
            connection.close();
        }
        // The program exits right after this: give the goodbyes a moment to leave (a client that
        // does not read costs no more than the whole second), or the last line may be lost.
        long deadline = System.nanoTime() + GOODBYE_MILLIS * 1_000_000;
        try {
            for (Connection connection : connections) {
                connection.awaitSent((deadline - System.nanoTime()) / 1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * Runs the whole server program with this keyboard and screen, and returns its exit code
     * (0 stopped with /quit, 1 network problem, 2 wrong arguments). The tests call this.
     * Provided code: no need to change this.
     */
    public static int run(String[] args, BufferedReader keyboard, PrintWriter out, PrintWriter err) {
        return ChatPrograms.server(args, keyboard, out, err);
    }

    /** Starts the server on the real keyboard and screen. Provided code: no need to change this. */
    public static void main(String[] args) {
        Terminal.runAndExit(ChatServer::run, args);
    }
}
