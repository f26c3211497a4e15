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
}
