package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.TestPeer;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests of provided code (the programs' error messages): they pass from the start. */
@Tag("provided")
class ChatProgramsTest {

    @Test
    @DisplayName("Provided: a port already in use gives a one-line message and exit code 1")
    void portInUse() throws Exception {
        try (ServerSocket other = TestPeer.listenOnAnyPort()) {
            Screen out = new Screen();
            Screen err = new Screen();

            int exitCode = ChatServer.run(new String[] {"--port", String.valueOf(other.getLocalPort())},
                    ScriptedKeyboard.typing(), out.writer(), err.writer());

            assertThat(exitCode).isEqualTo(1);
            assertThat(err.text()).startsWith("Could not listen on port " + other.getLocalPort())
                    .contains("another server").hasLineCount(1);
        }
    }

    @Test
    @DisplayName("Provided: a refused connection gives a one-line message and exit code 1")
    void connectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket probe = TestPeer.listenOnAnyPort()) {
            closedPort = probe.getLocalPort();
        }
        Screen out = new Screen();
        Screen err = new Screen();

        int exitCode = ChatClient.run(new String[] {"--port", String.valueOf(closedPort)}, ScriptedKeyboard.typing(),
                out.writer(), err.writer());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.text()).startsWith("Could not connect to 127.0.0.1 port " + closedPort)
                .contains("is the server running").hasLineCount(1);
    }
}
