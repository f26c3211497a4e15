// @kit:instructor-only tests of provided code with the reference - never copy into the student edition
package chatkit.lesson2.reference;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.Connection;
import chatkit.testkit.Background;
import chatkit.testkit.SocketPair;
import chatkit.testkit.TestPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The provided Connection and clients that read slowly or not at all: the sender is slowed, a
 * reader is never dropped, a client that reads nothing is. Provided code, like ConnectionTest's,
 * but these take seconds (the 1 s patience, megabytes through the sockets), so they run in the
 * instructor's build only, not in every student's "mvn test".
 */
@Tag("provided")
class SlowReadersTest {

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
