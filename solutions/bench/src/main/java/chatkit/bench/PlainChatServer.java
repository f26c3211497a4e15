// @kit:instructor-only benchmark code
package chatkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat server as most tutorials write it, for comparison only: a thread per client, a
 * synchronized list of writers, {@code println} with auto-flush straight into each socket, and
 * no {@code setTcpNoDelay(true)}. It speaks just enough of docs/protocol.md for the benchmark
 * (hello, nickname, welcome, chat lines). With {@code noDelay} it turns Nagle's algorithm off,
 * and nothing else changes: the difference between the two is Nagle's.
 */
final class PlainChatServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final List<PrintWriter> clients = new ArrayList<>();
    private final boolean noDelay;

    PlainChatServer(boolean noDelay) throws IOException {
        this.noDelay = noDelay;
        serverSocket = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptClients, "plain-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptClients() {
        try {
            while (true) {
                Socket socket = serverSocket.accept();
                Thread thread = new Thread(() -> serve(socket));
                thread.setDaemon(true);
                thread.start();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void serve(Socket socket) {
        PrintWriter out = null;
        try (socket) {
            socket.setTcpNoDelay(noDelay);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), true);
            out.print("* HELLO Welcome!\n");
            out.flush();
            String nickname = in.readLine();
            if (nickname == null) {
                return;
            }
            out.print("* WELCOME " + nickname + "\n");
            out.flush();
            synchronized (clients) {
                clients.add(out);
            }
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (clients) {
                    for (PrintWriter client : clients) {
                        if (client != out) {
                            client.print("<" + nickname + "> " + line + "\n");
                            client.flush();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // gone
        } finally {
            synchronized (clients) {
                clients.remove(out);
            }
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
