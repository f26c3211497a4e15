package chatkit.lesson3;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson3.ServerLine.Kind;
import chatkit.testkit.StepMessages;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Step 1: reading the server's lines (docs/protocol.md), without sockets or windows. */
@ExtendWith(StepMessages.class)
// Parsing a line takes microseconds: a test still running after 2 s has met a loop that never ends
// (the kit's usual limit, 10 s, is for tests that talk over the network).
@Timeout(2)
class ServerLineTest {

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: \"<bob> hi all\" is a chat line from bob")
    void chatLine() {
        assertThat(ServerLine.parse("<bob> hi all")).as("Step 1: parse(\"<bob> hi all\")")
                .isEqualTo(ServerLine.chat("bob", "hi all"));
        assertThat(ServerLine.parse("<bob> <b>not a tag</b> * JOIN x")).as("Step 1: the text is everything after \"> \"")
                .isEqualTo(ServerLine.chat("bob", "<b>not a tag</b> * JOIN x"));
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: \"[bob -> alice] psst\" is a private message from bob to alice")
    void privateMessage() {
        assertThat(ServerLine.parse("[bob -> alice] psst, [x -> y] z")).as("Step 1: parse of a private message")
                .isEqualTo(ServerLine.privateMessage("bob", "alice", "psst, [x -> y] z"));
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: notices name their nicknames: JOIN, LEAVE and WELCOME one, NICK two, ONLINE all")
    void noticesWithNames() {
        assertThat(ServerLine.parse("* JOIN carol joined the chat"))
                .isEqualTo(ServerLine.notice(Kind.JOIN, List.of("carol"), "carol joined the chat"));
        assertThat(ServerLine.parse("* LEAVE carol left the chat"))
                .isEqualTo(ServerLine.notice(Kind.LEAVE, List.of("carol"), "carol left the chat"));
        assertThat(ServerLine.parse("* WELCOME alice - you are in. 2 online."))
                .isEqualTo(ServerLine.notice(Kind.WELCOME, List.of("alice"), "alice - you are in. 2 online."));
        assertThat(ServerLine.parse("* NICK bob robert - bob is now known as robert"))
                .isEqualTo(ServerLine.notice(Kind.NICK, List.of("bob", "robert"), "bob robert - bob is now known as robert"));
        assertThat(ServerLine.parse("* ONLINE alice bob carol"))
                .isEqualTo(ServerLine.notice(Kind.ONLINE, List.of("alice", "bob", "carol"), "alice bob carol"));
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: HELLO, ERROR, INFO and BYE carry only text")
    void noticesWithText() {
        assertThat(ServerLine.parse("* ERROR The nickname alice is taken. Try another:"))
                .isEqualTo(ServerLine.notice(Kind.ERROR, List.of(), "The nickname alice is taken. Try another:"));
        assertThat(ServerLine.parse("* HELLO Welcome!")).isEqualTo(ServerLine.notice(Kind.HELLO, List.of(), "Welcome!"));
        assertThat(ServerLine.parse("* INFO Commands: /list")).isEqualTo(ServerLine.notice(Kind.INFO, List.of(), "Commands: /list"));
        assertThat(ServerLine.parse("* BYE Goodbye!")).isEqualTo(ServerLine.notice(Kind.BYE, List.of(), "Goodbye!"));
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: anything else is OTHER, shown as it is")
    void anythingElse() {
        assertThat(ServerLine.parse("hello from nc")).isEqualTo(ServerLine.other("hello from nc"));
        assertThat(ServerLine.parse("")).isEqualTo(ServerLine.other(""));
        assertThat(ServerLine.parse("* FUTURE something new")).as("Step 1: a notice keyword this client does not know")
                .isEqualTo(ServerLine.other("* FUTURE something new"));
    }
}
