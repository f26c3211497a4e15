package chatkit.lesson1;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The server side of a one-to-one console chat: it listens on a port, waits for one friend to
 * connect, then the two of you take turns typing lines until one of you types exit.
 *
 * <pre>
 *   ../mvnw -q compile
 *   java -cp target/classes chatkit.lesson1.ConsoleChatServer --port 5000
 *
 *   Chat server listening on 127.0.0.1 port 5000. Waiting for a friend to connect...
 *   Your friend connected from 127.0.0.1:53422. They speak first - wait for their line.
 *   friend> hi!
 *   you> hello, how are you?
 *   Your friend left the chat. Bye!
 * </pre>
 */
public class ConsoleChatServer implements Closeable {

    private ServerSocket serverSocket;

    /**
     * Step 1: opens a listening socket on {@code port} of {@code bindAddress}.
     *
     * @param port the port to listen on; 0 lets the operating system pick any free port
     * @return the port actually used (the one the OS picked, when you asked for 0)
     */
    public int listen(int port, InetAddress bindAddress) throws IOException {
        // TODO 1: create a ServerSocket on port and bindAddress (backlog 50), keep it in
        //         serverSocket, and return the port it really listens on.
        throw new UnsupportedOperationException(
                "TODO 1 not done: ConsoleChatServer.listen() - see README, step 1");
    }

    /** Step 2: waits until a client connects, and returns the socket that talks to it. */
    public Socket acceptClient() throws IOException {
        // TODO 2: wait for a client to connect to serverSocket and return its socket.
        throw new UnsupportedOperationException(
                "TODO 2 not done: ConsoleChatServer.acceptClient() - see README, step 2");
    }

    /** Step 8: stops listening, so the port is free again. */
    @Override
    public void close() throws IOException {
        // TODO 8 (2 of 2): close serverSocket, if listen() created one.
        throw new UnsupportedOperationException(
                "TODO 8 not done: ConsoleChatServer.close() - see README, step 8");
    }

    /**
     * Runs the whole server program with this keyboard and screen, and returns its exit code
     * (0 chat ended, 1 network problem, 2 wrong arguments). The tests call this.
     * Provided code: no need to change this.
     */
    public static int run(String[] args, BufferedReader keyboard, PrintWriter out, PrintWriter err) {
        return ChatPrograms.server(args, keyboard, out, err);
    }

    /** Starts the server on the real keyboard and screen. Provided code: no need to change this. */
    public static void main(String[] args) {
        Terminal.runAndExit(ConsoleChatServer::run, args);
    }
}
