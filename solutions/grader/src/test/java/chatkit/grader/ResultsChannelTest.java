// @kit:instructor-only
package chatkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket the test runner reports on: the runner's connection only, whoever else connects. */
class ResultsChannelTest {

    @TempDir
    Path folder;

    private static SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    private static void say(SocketChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Test
    @DisplayName("a connection that says nothing, or the wrong nonce, does not keep the runner out; then nobody may connect")
    void onlyTheRunnersConnectionCounts() throws Exception {
        try (ResultsChannel results = ResultsChannel.open(folder);
             SocketChannel silent = connect(results.socketFile());
             SocketChannel wrong = connect(results.socketFile());
             SocketChannel runner = connect(results.socketFile())) {
            say(wrong, "not-the-nonce\nDONE\t1\tforged\tSUCCESSFUL\t\t1\n");
            say(runner, results.nonce() + "\nEND\n");

            List<String> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                received.addAll(results.newLines());
                assertThat(received).containsExactly("END");
            });
            assertThat(Files.exists(results.socketFile())).as("the socket file, once the runner is in").isFalse();
            assertThatThrownBy(() -> connect(results.socketFile()).close()).isInstanceOf(IOException.class);
            say(silent, results.nonce() + "\nDONE\t1\tlate\tSUCCESSFUL\t\t1\n"); // too late: the runner is in
            runner.close();
            assertThat(results.lastLines()).as("lines after the runner's").isEmpty();
        }
    }
}
