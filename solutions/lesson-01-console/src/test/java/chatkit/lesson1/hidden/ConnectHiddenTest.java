// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson1.hidden;

import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson1.ConsoleChatClient;
import chatkit.lesson1.ConsoleChatServer;
import chatkit.testkit.Background;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Steps 1 to 3: listening, accepting and connecting, with varied ports, hosts and numbers of clients. */
@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
class ConnectHiddenTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        for (AutoCloseable closeable : opened) {
            try {
                closeable.close();
            } catch (Exception | Error e) {
                // teardown of a partly done student: the steps' own tests report what is missing
            }
        }
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @RepeatedTest(2)
    @Tag("step-1")
    @DisplayName("Step 1: several servers asking for port 0 each get a different port that works")
    void severalServersOnPortZero(Random random) throws Exception {
        int servers = 2 + random.nextInt(3);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            ConsoleChatServer server = keep(new ConsoleChatServer());
            ports.add(server.listen(0, InetAddress.getLoopbackAddress()));
        }

        assertThat(ports).as("Step 1: the ports of %d servers started with port 0", servers).doesNotHaveDuplicates();
        for (int port : ports) {
            try (TestPeer client = TestPeer.connectTo(port)) {
                assertThat(client.isConnected()).as("Step 1: a client on port %d", port).isTrue();
            }
        }
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: listening on the wildcard address (--lan) also accepts connections on 127.0.0.1")
    void wildcardAddress() throws Exception {
        ConsoleChatServer server = keep(new ConsoleChatServer());

        int port = server.listen(0, InetAddress.getByName("0.0.0.0"));

        try (TestPeer client = TestPeer.connectTo(port)) {
            assertThat(client.isConnected()).as("Step 1: a client on 127.0.0.1 port %d", port).isTrue();
        }
    }

    @RepeatedTest(2)
    @Tag("step-2")
    @DisplayName("Step 2: clients waiting in the backlog are accepted one by one, each with its own socket")
    void clientsAreAcceptedInTurn(Random random) throws Exception {
        ConsoleChatServer server = keep(new ConsoleChatServer());
        int port = server.listen(0, InetAddress.getLoopbackAddress());
        int clients = 2 + random.nextInt(4);
        List<TestPeer> peers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            peers.add(keep(TestPeer.connectTo(port)));
        }

        // Every client is connected (waiting in the backlog) and has sent its word before it is read:
        // each acceptClient() and each read returns at once.
        for (int i = 0; i < clients; i++) {
            Background<Socket> accepting = Background.start("server", server::acceptClient);
            Socket accepted = keep(accepting.await(TestPeer.AT_ONCE));
            String word = "client-" + i + "-" + random.nextInt(1000);
            peers.get(i).sendLine(word);
            accepted.setSoTimeout((int) TestPeer.AT_ONCE.toMillis());
            byte[] expected = (word + "\n").getBytes(StandardCharsets.UTF_8);
            assertThat(accepted.getInputStream().readNBytes(expected.length))
                    .as("Step 2: what client %d of %d sent, read from the socket acceptClient() returned", i + 1, clients)
                    .isEqualTo(expected);
        }
    }

    @RepeatedTest(2)
    @Tag("step-3")
    @DisplayName("Step 3: connect() reaches the address it is given, wherever on 127.x.y.z the server is")
    void connectToOtherLoopbackAddresses(Random random) throws Exception {
        InetAddress address = InetAddress.getByAddress(
                new byte[] {127, 0, (byte) random.nextInt(4), (byte) (2 + random.nextInt(200))});
        try (ServerSocket testServer = TestPeer.listenOnOtherLoopback(address)) {
            int port = testServer.getLocalPort();
            Background<Socket> connecting = Background.start("client",
                    () -> ConsoleChatClient.connect(address.getHostAddress(), port));
            try (TestPeer serverSide = TestPeer.acceptFrom(testServer); Socket socket = connecting.await(TestPeer.WAIT)) {
                assertThat(socket.getInetAddress()).as("Step 3: the address connect(\"%s\", %d) reached",
                        address.getHostAddress(), port).isEqualTo(address);
            }
        }
    }

    @RepeatedTest(2)
    @Tag("step-3")
    @DisplayName("Step 3: connect() works with a host name as well as an address")
    void connectByNameOrAddress(Random random) throws Exception {
        try (ServerSocket testServer = TestPeer.listenOnAnyPort()) {
            String[] hosts = {"localhost", "127.0.0.1"};
            String host = hosts[random.nextInt(hosts.length)];
            int port = testServer.getLocalPort();
            // "localhost" may name an IPv6 loopback first on some systems; ours listens on 127.0.0.1.
            String usable = host.equals("localhost")
                    && !InetAddress.getByName("localhost").equals(InetAddress.getLoopbackAddress()) ? "127.0.0.1" : host;
            Background<Socket> connecting = Background.start("client", () -> ConsoleChatClient.connect(usable, port));

            try (TestPeer serverSide = TestPeer.acceptFrom(testServer); Socket socket = connecting.await(TestPeer.WAIT)) {
                String word = "hello-" + random.nextInt(1000);
                serverSide.sendLine(word);
                socket.setSoTimeout((int) TestPeer.WAIT.toMillis());
                byte[] expected = (word + "\n").getBytes(StandardCharsets.UTF_8);
                assertThat(socket.getInputStream().readNBytes(expected.length))
                        .as("Step 3: what the server sent, read from the socket connect(\"%s\", %d) returned", usable, port)
                        .isEqualTo(expected);
            }
        }
    }
}
