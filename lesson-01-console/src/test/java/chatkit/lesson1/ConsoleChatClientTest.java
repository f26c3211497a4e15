package chatkit.lesson1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import chatkit.testkit.Background;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Step 3: the client connects. The test plays the server. */
@ExtendWith(StepMessages.class)
class ConsoleChatClientTest {

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: connect() returns a socket connected to the server")
    void connectReachesTheServer() throws Exception {
        try (ServerSocket testServer = TestPeer.listenOnAnyPort()) {
            int port = testServer.getLocalPort();
            Background<Socket> connecting = Background.start("client",
                    () -> ConsoleChatClient.connect("127.0.0.1", port));

            try (TestPeer serverSide = TestPeer.acceptFrom(testServer); Socket socket = connecting.await(TestPeer.WAIT)) {
                assertThat(socket).as("Step 3: the socket connect() returns").isNotNull();
                assertThat(socket.isConnected()).as("Step 3: the returned socket should be connected").isTrue();
                assertThat(socket.getPort()).as("Step 3: the port the socket is connected to").isEqualTo(port);
                assertThat(socket.getSoTimeout()).as("Step 3: the socket's read time-out (0 = wait as long as it takes:"
                        + " a friend may think for minutes)").isZero();
                serverSide.sendLine("B");
                socket.setSoTimeout((int) TestPeer.WAIT.toMillis());
                assertThat(socket.getInputStream().read()).as("Step 3: a byte the server sent").isEqualTo('B');
            }
        }
    }

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: connect() connects to the host it is given")
    void connectUsesTheGivenHost() throws Exception {
        // 127.0.0.2 is this computer too, on Linux and Windows; a server there proves the host is used.
        InetAddress otherLoopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        try (ServerSocket testServer = TestPeer.listenOnOtherLoopback(otherLoopback)) {
            int port = testServer.getLocalPort();
            Background<Socket> connecting = Background.start("client", () -> {
                try {
                    return ConsoleChatClient.connect("127.0.0.2", port);
                } catch (ConnectException e) {
                    throw new AssertionError("connect(\"127.0.0.2\", " + port + ") was refused, but a server listens"
                            + " there: does connect() use its host parameter?", e);
                }
            });

            try (TestPeer serverSide = TestPeer.acceptFrom(testServer); Socket socket = connecting.await(TestPeer.WAIT)) {
                assertThat(socket.getInetAddress()).as("Step 3: the address connect(\"127.0.0.2\", %d) reached", port)
                        .isEqualTo(otherLoopback);
            }
        }
    }

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: connect() lets a refused connection out as a ConnectException")
    void refusedConnectionIsAConnectException() throws Throwable {
        int closedPort = portWithNoServer();

        Throwable thrown = catchThrowable(() -> ConsoleChatClient.connect("127.0.0.1", closedPort).close());

        if (thrown instanceof UnsupportedOperationException) {
            throw thrown; // the TODO itself: its own message says it best
        }
        assertThat(thrown).as("Step 3: connect() to a port where no server listens should throw (do not catch it)")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: no server gives a one-line message and exit code 1")
    void refusedConnectionIsReportedClearly() throws Exception {
        int closedPort = portWithNoServer();
        Screen out = new Screen();
        Screen err = new Screen();

        int exitCode = ConsoleChatClient.run(new String[] {"--port", String.valueOf(closedPort)},
                ScriptedKeyboard.typing("hi"), out.writer(), err.writer());

        assertThat(exitCode).as("Step 3: exit code of the client when no server runs").isEqualTo(1);
        assertThat(err.text()).as("Step 3: the error message").contains("port " + closedPort).doesNotContain("\tat ");
    }

    /** A port on 127.0.0.1 where nothing listens: the system picks a free one, and we close it. */
    private static int portWithNoServer() throws Exception {
        try (ServerSocket probe = TestPeer.listenOnAnyPort()) {
            return probe.getLocalPort();
        }
    }
}
