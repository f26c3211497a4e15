package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests of provided code (the protocol's lines, docs/protocol.md), without sockets: they pass from the start. */
@Tag("provided")
class ChatLinesTest {

    @Test
    @DisplayName("Provided: chat lines and private messages have the protocol's exact form")
    void chatLineForms() {
        assertThat(ChatLines.chat("alice", "hi all")).isEqualTo("<alice> hi all");
        assertThat(ChatLines.privateMessage("alice", "bob", "psst")).isEqualTo("[alice -> bob] psst");
    }

    @Test
    @DisplayName("Provided: notices start with \"* \" and a keyword, then the nicknames they are about")
    void noticeForms() {
        assertThat(ChatLines.hello()).startsWith("* HELLO ");
        assertThat(ChatLines.welcome("alice", 3)).startsWith("* WELCOME alice ").contains("3 online");
        assertThat(ChatLines.joined("bob")).isEqualTo("* JOIN bob joined the chat");
        assertThat(ChatLines.left("bob")).isEqualTo("* LEAVE bob left the chat");
        assertThat(ChatLines.renamed("bob", "robert")).startsWith("* NICK bob robert ");
        assertThat(ChatLines.error("no")).isEqualTo("* ERROR no");
        assertThat(ChatLines.info("yes")).isEqualTo("* INFO yes");
        assertThat(ChatLines.bye("ciao")).isEqualTo("* BYE ciao");
        assertThat(ChatLines.keyword("* JOIN bob joined the chat")).isEqualTo("JOIN");
        assertThat(ChatLines.keyword("<bob> * JOIN eve")).isEmpty();
    }

    @Test
    @DisplayName("Provided: /list's answer is in alphabetical order, whatever order it is given")
    void onlineIsSorted() {
        assertThat(ChatLines.online(List.of("carol", "alice", "bob"))).isEqualTo("* ONLINE alice bob carol");
        assertThat(ChatLines.online(List.of())).isEqualTo("* ONLINE ");
    }

    @Test
    @DisplayName("Provided: typed text cannot fake a notice or redraw the screen: control characters are replaced")
    void typedTextIsNeutralised() {
        String sneaky = "hi\r* JOIN mallory joined the chat\u001b[2J\u202Egnp.exe\ttab";

        String line = ChatLines.chat("eve", sneaky);

        assertThat(line).startsWith("<eve> ").doesNotContain("\r", "\u001b", "\u202E", "\t");
        assertThat(line).isEqualTo("<eve> hi\uFFFD* JOIN mallory joined the chat\uFFFD[2J\uFFFDgnp.exe\uFFFDtab");
        assertThat(ChatLines.clean("héllo 🙂 ñ")).as("letters, accents and emoji stay").isEqualTo("héllo 🙂 ñ");
    }

    @Test
    @DisplayName("Provided: invisible characters that change how text shows (direction marks, separators) are replaced")
    void invisibleTricksAreNeutralised() {
        String sneaky = "a\u2028b\u2029c\u200ed\u200fe\u061cf\u2066g\u2069h\ufeffi\u0085j\u009bk";

        assertThat(ChatLines.clean(sneaky)).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi\uFFFDj\uFFFDk");
        String joined = "\ud83d\udc69\u200d\ud83d\udcbb \ud83c\uddeb\ud83c\uddf7 \u0645\u0631\u062d\u0628\u0627";
        assertThat(ChatLines.clean(joined)).as("joined emoji, flags and right-to-left letters stay").isEqualTo(joined);
    }

    @Test
    @DisplayName("Provided: the client's screen (Terminal.safe) replaces terminal codes, and keeps line ends and tabs")
    void theClientsScreenIsSafe() {
        java.io.StringWriter shown = new java.io.StringWriter();
        java.io.PrintWriter screen = Terminal.safe(new java.io.PrintWriter(shown));

        screen.print("<eve> \u001b[2Jhi\rfake\u202e\ttab\r\n");
        screen.println("next");

        assertThat(shown.toString())
                .isEqualTo("<eve> \uFFFD[2Jhi\uFFFDfake\uFFFD\ttab\r\nnext" + System.lineSeparator());
    }
}
