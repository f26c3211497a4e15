package chatkit.lesson1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import chatkit.testkit.Background;
import chatkit.testkit.Fields;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Steps 1, 2 and 8 on the server side, over real connections on this computer (127.0.0.1). */
@ExtendWith(StepMessages.class)
class ConsoleChatServerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ConsoleChatServer server = new ConsoleChatServer();

    @AfterEach
    void stopServer() {
        try {
            server.close();
        } catch (Exception | Error e) {
            // Step 8 may not be done yet; its own tests report that.
        }
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: listen(0, ...) returns a real port that a client can connect to")
    void listenReturnsAPortClientsCanReach() throws Exception {
        int port = server.listen(0, LOOPBACK);

        assertThat(port).as("Step 1: the port listen() returns (ask the ServerSocket for its local port)")
                .isBetween(1, 65535);
        try (TestPeer client = TestPeer.connectTo(port)) {
            assertThat(client.isConnected()).as("Step 1: a client connecting to port %d", port).isTrue();
        }
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: listen() uses the port it is given")
    void listenUsesTheGivenPort() throws Exception {
        // GIVEN a port that is free right now (the system picks it; we let it go at once)
        int freePort;
        try (ServerSocket probe = TestPeer.listenOnAnyPort()) {
            freePort = probe.getLocalPort();
        }

        assertThat(server.listen(freePort, LOOPBACK))
                .as("Step 1: listen(%d, ...) should listen on port %d", freePort, freePort)
                .isEqualTo(freePort);
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: listen() listens on the address it is given: this computer only, unless --lan")
    void listenUsesTheGivenAddress() throws Exception {
        server.listen(0, LOOPBACK);

        ServerSocket listening = Fields.read(server, "serverSocket", ServerSocket.class);
        assertThat(listening.getInetAddress()).as("Step 1: the address the server socket listens on, after"
                + " listen(0, %s) (pass bindAddress to the ServerSocket)", LOOPBACK.getHostAddress()).isEqualTo(LOOPBACK);
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: a port already in use gives a one-line message and exit code 1")
    void portInUseIsReportedClearly() throws Exception {
        try (ServerSocket other = TestPeer.listenOnAnyPort()) {
            Screen out = new Screen();
            Screen err = new Screen();
            int port = other.getLocalPort();

            int exitCode = ConsoleChatServer.run(new String[] {"--port", String.valueOf(port)},
                    ScriptedKeyboard.typing(), out.writer(), err.writer());

            assertThat(exitCode).as("Step 1: exit code of the server when its port is taken"
                    + " (let the BindException out of listen(); run() reports it)").isEqualTo(1);
            assertThat(err.text()).as("Step 1: the error message").contains("port " + port).doesNotContain("\tat ");
        }
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: acceptClient() returns the connection of the client that connected")
    void acceptClientReturnsTheClientsConnection() throws Exception {
        int port = server.listen(0, LOOPBACK);
        Background<Socket> accepting = Background.start("server", server::acceptClient);

        try (TestPeer client = TestPeer.connectTo(port); Socket accepted = accepting.await(TestPeer.WAIT)) {
            assertThat(accepted).as("Step 2: the socket acceptClient() returns").isNotNull();
            assertThat(accepted.isConnected()).as("Step 2: the returned socket should be connected").isTrue();
            assertThat(accepted.getLocalPort()).as("Step 2: the returned socket belongs to the listening port")
                    .isEqualTo(port);
            assertThat(accepted.getPort()).as("Step 2: the returned socket is connected to the client that connected")
                    .isEqualTo(client.localPort());
            assertThat(accepted.getSoTimeout()).as("Step 2: the socket's read time-out (0 = wait as long as it takes)")
                    .isZero();
        }
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: what the client sends arrives on the accepted socket")
    void acceptedSocketCarriesTheClientsBytes() throws Exception {
        int port = server.listen(0, LOOPBACK);
        Background<Socket> accepting = Background.start("server", server::acceptClient);

        try (TestPeer client = TestPeer.connectTo(port); Socket accepted = accepting.await(TestPeer.WAIT)) {
            accepted.setSoTimeout((int) TestPeer.WAIT.toMillis());
            client.sendLine("A");

            assertThat(accepted.getInputStream().read()).as("Step 2: the first byte read from the accepted socket")
                    .isEqualTo('A');
        }
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: acceptClient() can be called again: the server keeps listening for the next client")
    void acceptClientTwice() throws Exception {
        int port = server.listen(0, LOOPBACK);

        // Both clients are connected (waiting in the backlog) before acceptClient() is called: each
        // call returns at once.
        try (TestPeer first = TestPeer.connectTo(port); TestPeer second = TestPeer.connectTo(port);
             Socket acceptedFirst = Background.start("server", server::acceptClient).await(TestPeer.AT_ONCE);
             Socket acceptedSecond = Background.start("server", this::acceptAgain).await(TestPeer.AT_ONCE)) {
            assertThat(acceptedFirst.getPort()).as("Step 2: the first acceptClient() returns the first client")
                    .isEqualTo(first.localPort());
            assertThat(acceptedSecond.getPort()).as("Step 2: the second acceptClient() returns the second client"
                    + " (do not close serverSocket in acceptClient(): step 8 closes it)").isEqualTo(second.localPort());
        }
    }

    private Socket acceptAgain() throws IOException {
        try {
            return server.acceptClient();
        } catch (SocketException e) {
            throw new AssertionError("the second acceptClient() failed (" + e.getMessage() + "): did acceptClient()"
                    + " close serverSocket? Leave it open; step 8 closes it", e);
        }
    }

    @Test
    @Tag("step-8")
    @DisplayName("Step 8: close() frees the port, so a new server can listen on it")
    void closeFreesThePort() throws Exception {
        int port = server.listen(0, LOOPBACK);

        server.close();

        assertThatCode(() -> new ServerSocket(port, 50, LOOPBACK).close())
                .as("Step 8: listening again on port %d after ConsoleChatServer.close()", port)
                .doesNotThrowAnyException();
    }

    @Test
    @Tag("step-8")
    @DisplayName("Step 8: close() is harmless when listen() never ran")
    void closeWithoutListenIsHarmless() {
        assertThatCode(new ConsoleChatServer()::close)
                .as("Step 8: ConsoleChatServer.close() before listen() (serverSocket is still null)")
                .doesNotThrowAnyException();
    }
}
