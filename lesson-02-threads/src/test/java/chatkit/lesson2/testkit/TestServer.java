package chatkit.lesson2.testkit;

import chatkit.testkit.Background;
import chatkit.lesson2.ChatServer;
import java.io.IOException;
import java.net.InetAddress;

/**
 * Your whole {@link ChatServer} on 127.0.0.1 and a free port, with its accept loop on a
 * {@link Background} thread: if your code throws on that thread, or on a client's thread it
 * started, the test fails at once with that message.
 */
public final class TestServer implements AutoCloseable {

    private final ChatServer server;
    private final int port;
    private final Background<Void> acceptLoop;

    private TestServer(ChatServer server, int port) {
        this.server = server;
        this.port = port;
        this.acceptLoop = Background.start("server", () -> {
            try {
                server.acceptClients();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw e; // only closing the server may end the accept loop
                }
            }
            return null;
        });
    }

    public static TestServer start() throws IOException {
        ChatServer server = new ChatServer();
        return new TestServer(server, server.listen(0, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return port;
    }

    public ChatServer server() {
        return server;
    }

    /** The accept loop's task: done once acceptClients() returned or threw. */
    public Background<Void> acceptLoop() {
        return acceptLoop;
    }

    /** Connects and joins as {@code nickname}: returns once the server has welcomed the user. */
    public ChatUser join(String nickname) throws IOException {
        return ChatUser.join(port, nickname);
    }

    @Override
    public void close() {
        server.close();
    }
}
