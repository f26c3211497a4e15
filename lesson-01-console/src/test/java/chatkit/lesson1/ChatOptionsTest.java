package chatkit.lesson1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import java.net.InetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests of provided code (the argument parsing): they pass from the start. */
@Tag("provided")
class ChatOptionsTest {

    @Test
    @DisplayName("Provided: with no arguments the server listens on port 5000 of this computer only")
    void serverDefaults() throws Exception {
        ChatOptions options = ChatOptions.forServer(new String[0]);

        assertThat(options.port()).isEqualTo(ChatOptions.DEFAULT_PORT);
        assertThat(options.bindAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(options.lan()).isFalse();
    }

    @Test
    @DisplayName("Provided: --lan makes the server listen on every network interface")
    void lanBindsTheWildcardAddress() throws Exception {
        ChatOptions options = ChatOptions.forServer(new String[] {"--lan", "--port", "0"});

        assertThat(options.bindAddress().isAnyLocalAddress()).isTrue();
        assertThat(options.port()).isZero();
    }

    @Test
    @DisplayName("Provided: the client takes --host and --port, or a bare port number")
    void clientOptions() throws Exception {
        assertThat(ChatOptions.forClient(new String[] {"--host", "10.1.2.3", "--port", "6000"}))
                .extracting(ChatOptions::host, ChatOptions::port).containsExactly("10.1.2.3", 6000);
        assertThat(ChatOptions.forClient(new String[] {"6001"}).port()).isEqualTo(6001);
    }

    @Test
    @DisplayName("Provided: a port that is not a number from 0 to 65535 is refused with a clear message")
    void badPortsAreRefused() {
        assertThatThrownBy(() -> ChatOptions.forServer(new String[] {"--port", "abc"}))
                .isInstanceOf(ChatOptions.UsageException.class).hasMessageContaining("'abc'");
        assertThatThrownBy(() -> ChatOptions.forServer(new String[] {"--port", "70000"}))
                .isInstanceOf(ChatOptions.UsageException.class).hasMessageContaining("65535");
        assertThatThrownBy(() -> ChatOptions.forClient(new String[] {"--port", "0"}))
                .isInstanceOf(ChatOptions.UsageException.class).hasMessageContaining("from 1 to 65535");
        assertThatThrownBy(() -> ChatOptions.forClient(new String[] {"--port"}))
                .isInstanceOf(ChatOptions.UsageException.class).hasMessageContaining("needs a value");
    }

    @Test
    @DisplayName("Provided: wrong arguments print the usage and exit with code 2, before any network work")
    void wrongArgumentsExitWithCode2() {
        Screen out = new Screen();
        Screen err = new Screen();

        assertThat(ConsoleChatServer.run(new String[] {"--colour"}, ScriptedKeyboard.typing(), out.writer(), err.writer()))
                .isEqualTo(2);
        assertThat(ConsoleChatClient.run(new String[] {"--lan"}, ScriptedKeyboard.typing(), out.writer(), err.writer()))
                .isEqualTo(2);
        assertThat(err.text()).contains("Unknown argument '--colour'").contains("Usage: ConsoleChatServer")
                .contains("Unknown argument '--lan'").contains("Usage: ConsoleChatClient");
    }

    @Test
    @DisplayName("Provided: --help prints the usage and exits with code 0")
    void helpPrintsUsage() {
        Screen out = new Screen();
        Screen err = new Screen();

        assertThat(ConsoleChatServer.run(new String[] {"--help"}, ScriptedKeyboard.typing(), out.writer(), err.writer()))
                .isZero();
        assertThat(out.text()).contains("--port N");
        assertThat(err.text()).isEmpty();
    }
}
