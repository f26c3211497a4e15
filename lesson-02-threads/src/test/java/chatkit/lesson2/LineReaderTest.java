package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests of provided code (line framing), without sockets: they pass from the start. */
@Tag("provided")
class LineReaderTest {

    @Test
    @DisplayName("Provided: lines end at \\n; a \\r before it is dropped; the end of the stream gives null")
    void splitsLines() throws Exception {
        StringReader in = new StringReader("one\ntwo\r\n\nlast");

        assertThat(LineReader.readLine(in)).isEqualTo("one");
        assertThat(LineReader.readLine(in)).isEqualTo("two");
        assertThat(LineReader.readLine(in)).isEqualTo("");
        assertThat(LineReader.readLine(in)).as("a last line without \\n still counts").isEqualTo("last");
        assertThat(LineReader.readLine(in)).isNull();
    }

    @Test
    @DisplayName("Provided: a line of exactly the maximum length is kept whole")
    void keepsALineOfMaximumLength() throws Exception {
        String longest = "y".repeat(LineReader.MAX_LINE_LENGTH);

        assertThat(LineReader.readLine(new StringReader(longest + "\r\nnext\n"))).isEqualTo(longest);
    }

    @Test
    @DisplayName("Provided: a longer line is cut with a note, and reading goes on after it")
    void cutsLongLines() throws Exception {
        StringReader in = new StringReader("z".repeat(LineReader.MAX_LINE_LENGTH + 1) + "\nnext\n");

        assertThat(LineReader.readLine(in)).isEqualTo("z".repeat(LineReader.MAX_LINE_LENGTH) + LineReader.CUT_NOTE);
        assertThat(LineReader.readLine(in)).isEqualTo("next");
    }

    @Test
    @DisplayName("Provided: a cut never splits an emoji in half")
    void neverSplitsAnEmoji() throws Exception {
        String text = "a".repeat(LineReader.MAX_LINE_LENGTH - 1) + "🙂🙂";

        String line = LineReader.readLine(new StringReader(text + "\n"));

        assertThat(line).isEqualTo("a".repeat(LineReader.MAX_LINE_LENGTH - 1) + LineReader.CUT_NOTE);
    }
}
