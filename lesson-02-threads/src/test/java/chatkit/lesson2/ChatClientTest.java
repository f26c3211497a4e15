package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatkit.testkit.Background;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Steps 8 and 9: your ChatClient against a pretend server played by the test, over a real
 * connection on this computer. The test sends the server's lines and reads what the client sends.
 */
@ExtendWith(StepMessages.class)
class ChatClientTest {

    private final ChatClient client = new ChatClient();
    private ServerSocket listener;
    private TestPeer server;

    @BeforeEach
    void connect() throws Exception {
        listener = TestPeer.listenOnAnyPort();
        client.connect("127.0.0.1", listener.getLocalPort());
        server = TestPeer.acceptFrom(listener);
    }

    @AfterEach
    void hangUp() throws Exception {
        client.close();
        server.close();
        listener.close();
    }

    @Test
    @Tag("step-8")
    @DisplayName("Step 8: startReader() returns at once, and its thread shows each line as it arrives")
    void theReaderShowsLinesAsTheyArrive() throws Exception {
        Screen screen = new Screen();

        Thread reader = Background.start("startReader()", () -> client.startReader(screen.writer()))
                .await(TestPeer.WAIT);

        assertThat(reader).as("Step 8: the thread startReader() returns").isNotNull();
        assertThat(reader.isAlive()).as("Step 8: the reader thread is running (did you start() it?)").isTrue();
        server.sendLine("* HELLO Welcome!");
        screen.awaitText("* HELLO Welcome!");
        server.sendLine("<bob> héllo 🙂");
        screen.awaitText("<bob> héllo 🙂");
    }

    @Test
    @Tag("step-8")
    @DisplayName("Step 8: showIncomingLines() prints every line, then returns when the server hangs up")
    void showIncomingLinesEndsWhenTheServerHangsUp() throws Exception {
        Screen screen = new Screen();
        Background<Void> reading = Background.start("showIncomingLines()", () -> {
            client.showIncomingLines(screen.writer());
            return null;
        });

        server.sendLine("<alice> one");
        server.sendLine("<alice> two");
        server.close();

        reading.await(TestPeer.WAIT);
        assertThat(lines(screen)).as("Step 8: the lines on the screen").containsExactly("<alice> one", "<alice> two");
    }

    @Test
    @Tag("step-8")
    @DisplayName("Step 8: the reader thread ends when the server hangs up")
    void theReaderThreadEnds() throws Exception {
        Screen screen = new Screen();
        Thread reader = Background.start("startReader()", () -> client.startReader(screen.writer()))
                .await(TestPeer.WAIT);

        server.close();

        await().atMost(TestPeer.WAIT)
                .failFast((ThrowingRunnable) Background::rethrowAnyFailure)
                .untilAsserted(() -> assertThat(reader.isAlive()).as("Step 8: the reader thread is still running after"
                        + " the server hung up (stop when readLine() gives null)").isFalse());
    }

    @Test
    @Tag("step-9")
    @DisplayName("Step 9: typeLines() sends every typed line, in order, until the keyboard input ends")
    void typedLinesAreSent() throws Exception {
        Background<Void> typing = Background.start("typeLines()", () -> {
            client.typeLines(ScriptedKeyboard.typing("alice", "hi all", "/list"));
            return null;
        });

        assertThat(List.of(server.readLine(), server.readLine(), server.readLine()))
                .as("Step 9: the lines the server receives").containsExactly("alice", "hi all", "/list");
        typing.await(TestPeer.WAIT);
    }

    @Test
    @Tag("step-9")
    @DisplayName("Step 9: typeLines() sends /quit, then stops: nothing typed after it is sent")
    void quitEndsTyping() throws Exception {
        Background.start("typeLines()", () -> {
            client.typeLines(ScriptedKeyboard.typing("alice", "/quit", "never sent"));
            return null;
        }).await(TestPeer.WAIT);

        client.close(); // sends what is queued, then hangs up: the end of the stream shows what was sent
        assertThat(linesUntilClosed(server)).as("Step 9: everything the server received (return after /quit)")
                .containsExactly("alice", "/quit");
    }

    @Test
    @Tag("step-9")
    @DisplayName("Step 9: exit, in any case, ends typing too")
    void exitEndsTyping() throws Exception {
        Background.start("typeLines()", () -> {
            client.typeLines(ScriptedKeyboard.typing("EXIT", "never sent"));
            return null;
        }).await(TestPeer.WAIT);

        client.close();
        assertThat(linesUntilClosed(server)).as("Step 9: everything the server received (ChatCommand.parse(line)"
                + " says QUIT for exit too)").containsExactly("EXIT");
    }

    private static List<String> lines(Screen screen) {
        return screen.text().lines().filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> linesUntilClosed(TestPeer peer) throws Exception {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = peer.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }
}
