// @kit:instructor-only tests of provided code with the reference - never copy into the student edition
package chatkit.lesson2.reference;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.testkit.ChatUser;
import chatkit.lesson2.testkit.TestServer;
import chatkit.testkit.Background;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16 item 5: one client pastes thousands of lines at once. The provided Connection slows
 * the sender down (its thread waits, before reading on, for the clients it left behind), so
 * every client that reads gets every line, and nobody is dropped. Before: a 5,000-line paste
 * dropped every other client in some runs (the outboxes filled faster than their writer
 * threads could send). Not graded: it needs the reference's steps.
 */
@ExtendWith(StepMessages.class)
@Tag("provided")
class FloodTest {

    @Test
    @DisplayName("Provided: three pastes of 5,000 lines reach three readers whole, and nobody is dropped")
    void pastesOf5000LinesReachEveryReader() throws Exception {
        pasteAndCheck(5_000, " the quick brown fox jumps over the lazy dog", 3);
    }

    @Test
    @DisplayName("Provided: a paste of 2 MB in long lines reaches three readers whole")
    void aPasteOfLongLinesReachesEveryReader() throws Exception {
        pasteAndCheck(4_000, " " + "w".repeat(500), 1);
    }

    /**
     * Three readers join, then the flooder sends {@code lines} lines in one write, {@code pastes}
     * times; each reader must get each line.
     */
    private static void pasteAndCheck(int lines, String text, int pastes) throws Exception {
        try (TestServer server = TestServer.start();
             ChatUser flooder = server.join("flooder")) {
            List<ChatUser> readers = new ArrayList<>();
            try {
                for (int r = 1; r <= 3; r++) {
                    readers.add(server.join("reader" + r));
                }
                for (ChatUser reader : readers) {
                    flooder.nextLineStartingWith("* JOIN " + reader.nickname()); // all three are in the room
                }
                for (int round = 1; round <= pastes; round++) {
                    pasteOnce(flooder, readers, lines, text);
                }
                // Nobody was dropped: each reader's next line is the answer to /list, with all four
                // (a LEAVE notice would come first).
                for (ChatUser reader : readers) {
                    assertThat(reader.linesBeforeAnswer()).as("%s's lines before the answer to /list", reader.nickname())
                            .isEmpty();
                }
                assertThat(flooder.online()).as("who is online after the paste, as the flooder sees it")
                        .containsExactlyInAnyOrder("flooder", "reader1", "reader2", "reader3");
            } finally {
                for (ChatUser reader : readers) {
                    reader.close();
                }
            }
        }
    }

    /** The flooder pastes {@code lines} lines in one write, and every reader reads them, all at the same time. */
    private static void pasteOnce(ChatUser flooder, List<ChatUser> readers, int lines, String text) throws Exception {
        ByteArrayOutputStream paste = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            paste.writeBytes((i + text + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // The paste is written on a thread of its own: the server may make it wait (that is the point).
        Background<Void> pasting = Background.start("flooder", () -> {
            flooder.peer().sendBytes(paste.toByteArray());
            return null;
        });
        // Every reader reads at the same time, as real clients do.
        List<Background<String>> reading = new ArrayList<>();
        for (ChatUser reader : readers) {
            reading.add(Background.start(reader.nickname(), () -> readAll(reader, lines, text)));
        }
        Duration limit = TestPeer.WAIT.multipliedBy(10);
        for (int r = 0; r < readers.size(); r++) {
            assertThat(reading.get(r).await(limit)).as("what %s missed", readers.get(r).nickname()).isEmpty();
        }
        pasting.await(limit);
    }

    /** Reads the flooder's {@code lines} lines; returns "" if each came, in order, else what went wrong. */
    private static String readAll(ChatUser reader, int lines, String text) throws Exception {
        for (int i = 0; i < lines; i++) {
            String line = reader.nextChatLine(); // skips the JOIN notices of the readers who came later
            String expected = "<flooder> " + i + text;
            if (!expected.equals(line)) {
                return "line " + i + " of " + lines + " was " + (line == null ? "nothing: the connection closed"
                        : "\"" + line.substring(0, Math.min(40, line.length())) + "...\"");
            }
        }
        return "";
    }
}
