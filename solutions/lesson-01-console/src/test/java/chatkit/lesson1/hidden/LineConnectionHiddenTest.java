// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson1.hidden;

import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson1.LineConnection;
import chatkit.lesson1.LineReader;
import chatkit.testkit.SocketPair;
import chatkit.testkit.StepMessages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
class LineConnectionHiddenTest {

    private SocketPair pair;

    @BeforeEach
    void connect() throws Exception {
        pair = SocketPair.open();
    }

    @AfterEach
    void disconnect() throws Exception {
        pair.close();
    }

    @RepeatedTest(3)
    @Tag("step-4")
    @DisplayName("Step 4: random Unicode lines, cut into random pieces (even inside a character), arrive whole")
    void unicodeLinesInRandomPieces(Random random) throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 30; i++) {
            String line = random.nextInt(6) == 0 ? "" : Texts.line(random, 40);
            lines.add(line);
            wire.writeBytes((line + (random.nextBoolean() ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = wire.toByteArray();

        for (int start = 0; start < bytes.length; ) {
            int end = Math.min(bytes.length, start + 1 + random.nextInt(64));
            pair.testEnd().sendBytes(Arrays.copyOfRange(bytes, start, end));
            start = end;
        }

        for (int i = 0; i < lines.size(); i++) {
            assertThat(connection.receive()).as("Step 4: line %d of %d", i + 1, lines.size()).isEqualTo(lines.get(i));
        }
    }

    @RepeatedTest(3)
    @Tag("step-4")
    @DisplayName("Step 4: lines near and over the length cap are kept or cut, and the chat goes on")
    void linesNearTheCap(Random random) throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        String fits = "f".repeat(LineReader.MAX_LINE_LENGTH - random.nextInt(5));
        String tooLong = "t".repeat(LineReader.MAX_LINE_LENGTH + 1 + random.nextInt(3 * LineReader.MAX_LINE_LENGTH));
        String after = Texts.chatLine(random);

        pair.testEnd().sendLine(fits);
        pair.testEnd().sendLine(tooLong);
        pair.testEnd().sendLine(after);

        assertThat(connection.receive()).as("Step 4: a line of %d characters", fits.length()).isEqualTo(fits);
        assertThat(connection.receive()).as("Step 4: a line of %d characters", tooLong.length())
                .isEqualTo("t".repeat(LineReader.MAX_LINE_LENGTH) + LineReader.CUT_NOTE);
        assertThat(connection.receive()).as("Step 4: the line after it").isEqualTo(after);
    }

    @RepeatedTest(3)
    @Tag("step-4")
    @DisplayName("Step 4: invalid UTF-8 at random places becomes replacement characters")
    void invalidBytesAtRandomPlaces(Random random) throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        String before = Texts.chatLine(random);
        String after = Texts.chatLine(random);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        wire.write(0x80 + random.nextInt(0x40)); // a continuation byte with nothing before it
        wire.writeBytes(("\n" + after + "\n").getBytes(StandardCharsets.UTF_8));

        pair.testEnd().sendBytes(wire.toByteArray());

        assertThat(connection.receive()).as("Step 4: a line ending with a stray byte").isEqualTo(before + "\uFFFD");
        assertThat(connection.receive()).as("Step 4: the next line").isEqualTo(after);
    }

    @RepeatedTest(3)
    @Tag("step-5")
    @DisplayName("Step 5: many random lines sent one after another arrive exactly, in order")
    void manyLinesInOrder(Random random) throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(random.nextInt(8) == 0 ? "" : Texts.line(random, 30));
        }

        for (String line : lines) {
            connection.send(line);
        }

        for (int i = 0; i < lines.size(); i++) {
            assertThat(pair.testEnd().readLine()).as("Step 5: line %d of %d", i + 1, lines.size()).isEqualTo(lines.get(i));
        }
    }

    @RepeatedTest(3)
    @Tag("step-5")
    @DisplayName("Step 5: each line arrives as its exact UTF-8 bytes and one '\\n', with nothing after it")
    void exactBytes(Random random) throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        String line = Texts.chatLine(random);
        byte[] expected = (line + "\n").getBytes(StandardCharsets.UTF_8);

        connection.send(line);
        connection.send("next line");

        assertThat(pair.testEnd().readBytes(expected.length)).as("Step 5: the bytes of \"%s\"", line).isEqualTo(expected);
        assertThat(pair.testEnd().readLine()).as("Step 5: the line right after it (no extra bytes in between)")
                .isEqualTo("next line");
    }

    @RepeatedTest(2)
    @Tag("step-8")
    @DisplayName("Step 8: close() after random lines both ways: the friend reads every line, then the end")
    void closeAfterRandomLines(Random random) throws Exception {
        LineConnection connection = new LineConnection(pair.yourEnd());
        List<String> lines = new ArrayList<>();
        for (int i = 1 + random.nextInt(10); i > 0; i--) {
            lines.add(Texts.line(random, 20));
        }
        String fromFriend = Texts.line(random, 20);
        for (String line : lines) {
            connection.send(line);
        }
        pair.testEnd().sendLine(fromFriend);
        assertThat(connection.receive()).as("Step 8: the friend's line, before hanging up").isEqualTo(fromFriend);

        connection.close();

        for (int i = 0; i < lines.size(); i++) {
            assertThat(pair.testEnd().readLine()).as("Step 8: line %d of %d, sent before close()", i + 1, lines.size())
                    .isEqualTo(lines.get(i));
        }
        assertThat(pair.testEnd().closedByOtherSide()).as("Step 8: after your last line, the friend sees the"
                + " connection end (LineConnection.close() must close the socket)").isTrue();
    }
}
