package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatkit.testkit.Background;
import chatkit.testkit.SocketPair;
import chatkit.testkit.TestPeer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests of provided code (a client's connection: lines, outbox, slow readers) over real sockets: they pass from the start. */
@Tag("provided")
class ConnectionTest {

    private SocketPair pair;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        pair = SocketPair.open();
        connection = new Connection(pair.yourEnd());
    }

    @AfterEach
    void close() throws Exception {
        connection.closeNow();
        pair.close();
    }

    @Test
    @DisplayName("Provided: send() sends each line as UTF-8 with '\\n', in order, without Nagle's delay")
    void sendsLinesInOrder() throws Exception {
        connection.send("one");
        connection.send("çà 🙂");

        assertThat(TestPeer.visible(pair.testEnd().readBytes(14))).isEqualTo("one\\nçà 🙂\\n");
        assertThat(pair.yourEnd().getTcpNoDelay()).as("setTcpNoDelay(true)").isTrue();
        assertThat(connection.peer()).startsWith("127.0.0.1:");
    }

    @Test
    @DisplayName("Provided: readLine() turns bytes that are not UTF-8 into \uFFFD, and reading goes on")
    void badBytesDoNotStopReading() throws Exception {
        pair.testEnd().sendBytes(new byte[] {'a', (byte) 0xC3, '(', (byte) 0xFF, '\n', 'o', 'k', '\r', '\n'});

        assertThat(connection.readLine()).isEqualTo("a\uFFFD(\uFFFD");
        assertThat(connection.readLine()).isEqualTo("ok");
    }

    @Test
    @DisplayName("Provided: readLine() cuts an over-long line, and the next line is whole")
    void overLongLinesAreCut() throws Exception {
        pair.testEnd().sendLine("x".repeat(100_000));
        pair.testEnd().sendLine("next");

        assertThat(connection.readLine()).hasSize(LineReader.MAX_LINE_LENGTH + LineReader.CUT_NOTE.length());
        assertThat(connection.readLine()).isEqualTo("next");
    }

    @Test
    @DisplayName("Provided: close() sends every line already queued, then hangs up")
    void closeSendsWhatIsQueued() throws Exception {
        for (int i = 1; i <= 200; i++) {
            connection.send("line " + i);
        }
        connection.close();

        for (int i = 1; i <= 200; i++) {
            assertThat(pair.testEnd().readLine()).isEqualTo("line " + i);
        }
        assertThat(pair.testEnd().readLine()).as("after the queued lines: the end of the stream").isNull();
    }

    @Test
    @DisplayName("Provided: a sender waits for a client it left behind, and that client, which reads, gets every line")
    void aSenderWaitsForAReaderItLeftBehind() throws Exception {
        String line = "z".repeat(1000);
        int lines = 8_000; // 8 MB: more than the socket buffers hold (6 MB on Linux), so the outbox fills past BEHIND_LINES
        try (SocketPair own = SocketPair.open()) {
            // The sender plays a server's client thread: it sends to the others, then reads its own
            // client's next line (where it waits for whoever it left behind).
            Connection sendersOwn = new Connection(own.yourEnd());
            for (int i = 0; i < lines / 100; i++) {
                own.testEnd().sendLine("next");
            }
            Background<Integer> sender = Background.start("sender", () -> {
                for (int i = 0; i < lines; i++) {
                    connection.send(i + line);
                    if (i % 100 == 99 && sendersOwn.readLine() == null) {
                        return i;
                    }
                }
                return lines;
            });
            for (int i = 0; i < lines; i++) {
                String received = pair.testEnd().readLine();
                if (!(i + line).equals(received)) {
                    throw new AssertionError("line " + i + " of " + lines + " was "
                            + (received == null ? "nothing: the connection closed" : received.substring(0, 10) + "..."));
                }
            }
            assertThat(sender.await(TestPeer.WAIT)).as("lines the sender sent").isEqualTo(lines);
            assertThat(connection.wasDroppedForNotReading()).as("dropped for not reading").isFalse();
            sendersOwn.closeNow();
        }
    }

    @Test
    @DisplayName("Provided: a client that is behind and reads nothing is dropped, and its sender goes on")
    void aClientThatNeverReadsIsDropped() throws Exception {
        String line = "z".repeat(1000);
        try (SocketPair own = SocketPair.open()) {
            Connection sendersOwn = new Connection(own.yourEnd());
            for (int i = 0; i < 400; i++) {
                own.testEnd().sendLine("next");
            }
            // 30 MB: far more than the socket buffers and the outbox hold together. The test end never reads.
            Background<Void> sender = Background.start("sender", () -> {
                for (int i = 0; i < 30_000 && !connection.isClosing(); i++) {
                    connection.send(line);
                    if (i % 100 == 99) {
                        sendersOwn.readLine(); // waits at most NOT_READING_MILLIS for the client it left behind
                    }
                }
                return null;
            });
            sender.await(TestPeer.WAIT.plusMillis(Connection.NOT_READING_MILLIS));

            assertThat(connection.wasDroppedForNotReading()).as("dropped for not reading").isTrue();
            assertThat(pair.testEnd().closedByOtherSide()).as("the dropped client's connection is closed").isTrue();
            sendersOwn.closeNow();
        }
    }
}
