package chatkit.lesson1;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.testkit.Fields;
import chatkit.testkit.SocketPair;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.io.ByteArrayOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Steps 4, 5 and 8 in LineConnection. The test holds the other end of a real connection and
 * looks at the exact bytes: UTF-8 text, each line ended by '\n'.
 */
@ExtendWith(StepMessages.class)
class LineConnectionTest {

    private static final String ACCENTS_AND_EMOJI = "héllo wörld ✓ 你好 🙂";

    private SocketPair pair;
    private TestPeer friend;

    @BeforeEach
    void connect() throws Exception {
        pair = SocketPair.open();
        friend = pair.testEnd();
    }

    @AfterEach
    void disconnect() throws Exception {
        pair.close();
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: a line sent as UTF-8 is received with its accents and emoji intact")
    void receivesUtf8Text() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());

        friend.sendLine(ACCENTS_AND_EMOJI);

        assertThat(connection.receive())
                .as("Step 4: the line receive() returns (is the reader's charset StandardCharsets.UTF_8?)")
                .isEqualTo(ACCENTS_AND_EMOJI);
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: the writer writes UTF-8 bytes to the socket")
    void writerWritesUtf8() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        Writer writer = Fields.read(connection, "writer", Writer.class);
        byte[] expected = ACCENTS_AND_EMOJI.getBytes(StandardCharsets.UTF_8);

        writer.write(ACCENTS_AND_EMOJI);
        writer.flush();

        assertThat(TestPeer.visible(friend.readBytes(expected.length)))
                .as("Step 4: what arrives when the writer writes \"%s\" (is the writer's charset StandardCharsets.UTF_8?)",
                        ACCENTS_AND_EMOJI)
                .isEqualTo(ACCENTS_AND_EMOJI);
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: lines arrive whole, however TCP splits or joins the bytes")
    void linesArriveWholeHoweverTheBytesAreSplit() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());

        // GIVEN two lines and a half in one write, then the rest of the third line
        friend.sendBytes("one\ntwo\nthr".getBytes(StandardCharsets.UTF_8));
        friend.sendBytes("ee\n".getBytes(StandardCharsets.UTF_8));

        assertThat(connection.receive()).as("Step 4: first line").isEqualTo("one");
        assertThat(connection.receive()).as("Step 4: second line").isEqualTo("two");
        assertThat(connection.receive()).as("Step 4: third line, sent in two pieces").isEqualTo("three");
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: bytes that are not UTF-8 become replacement characters, and the chat goes on")
    void bytesThatAreNotUtf8AreReplaced() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("bad ".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF); // never valid in UTF-8
        bytes.writeBytes(" end\nstill here\n".getBytes(StandardCharsets.UTF_8));

        friend.sendBytes(bytes.toByteArray());

        assertThat(connection.receive()).as("Step 4: a line with a byte that is not UTF-8")
                .isEqualTo("bad \uFFFD end");
        assertThat(connection.receive()).as("Step 4: the next line").isEqualTo("still here");
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: an over-long line is cut, and the next line still arrives")
    void overLongLineIsCut() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        String huge = "x".repeat(LineReader.MAX_LINE_LENGTH * 5);

        friend.sendLine(huge);
        friend.sendLine("next");

        assertThat(connection.receive()).as("Step 4: a line of %d characters", huge.length())
                .isEqualTo("x".repeat(LineReader.MAX_LINE_LENGTH) + LineReader.CUT_NOTE);
        assertThat(connection.receive()).as("Step 4: the line after the long one").isEqualTo("next");
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: receive() returns null when the friend hangs up")
    void receiveReturnsNullAtTheEnd() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());

        friend.sendLine("last words");
        friend.close();

        assertThat(connection.receive()).as("Step 4: the last line").isEqualTo("last words");
        assertThat(connection.receive()).as("Step 4: receive() after the friend closed the connection").isNull();
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: send() writes the text as UTF-8 followed by a newline")
    void sendWritesUtf8AndANewline() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        byte[] expected = (ACCENTS_AND_EMOJI + "\n").getBytes(StandardCharsets.UTF_8);

        connection.send(ACCENTS_AND_EMOJI);

        byte[] sent = friend.readBytes(expected.length);
        // The tests run with Windows line ends on purpose (src/test/jvm.args): println() shows itself.
        String windowsLineEnd = new String(sent, StandardCharsets.UTF_8).contains("\r") ? ". A '\\r' came first:"
                + " \"\\r\\n\" is the line end of Windows, which println() and System.lineSeparator() write there."
                + " The protocol's line end is '\\n' alone on every computer: write '\\n' itself" : "";
        assertThat(TestPeer.visible(sent))
                .as("Step 5: what send(\"%s\") put on the wire (the text, then '\\n' alone, then flush)%s",
                        ACCENTS_AND_EMOJI, windowsLineEnd)
                .isEqualTo(TestPeer.visible(expected));
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: each line is flushed, so it arrives while the sender waits for a reply")
    void eachLineIsFlushed() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());

        connection.send("first");
        assertThat(friend.readLine()).as("Step 5: the first line (send() must flush)").isEqualTo("first");

        connection.send("second");
        assertThat(friend.readLine()).as("Step 5: the second line").isEqualTo("second");
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: an empty line is sent as a newline alone")
    void emptyLineIsJustANewline() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());

        connection.send("");
        connection.send("after");

        assertThat(friend.readLine()).as("Step 5: an empty line").isEqualTo("");
        assertThat(friend.readLine()).as("Step 5: the line after it").isEqualTo("after");
    }

    @Test
    @Tag("step-8")
    @DisplayName("Step 8: close() hangs up: the friend sees the connection end")
    void closeHangsUp() throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());

        connection.close();

        assertThat(friend.closedByOtherSide()).as("Step 8: after LineConnection.close(), the friend's end"
                + " should see the connection closed (close the socket)").isTrue();
        assertThat(pair.yourEnd().isClosed()).as("Step 8: after LineConnection.close(), the socket itself"
                + " should be closed, not only its output").isTrue();
    }
}
