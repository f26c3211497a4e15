package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.ChatCommand.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests of provided code (reading a typed line), without sockets: they pass from the start. */
@Tag("provided")
class ChatCommandTest {

    @Test
    @DisplayName("Provided: text is text, kept exactly as typed; an empty line is EMPTY")
    void textAndEmpty() {
        assertThat(ChatCommand.parse("  hi all ")).isEqualTo(new ChatCommand(Kind.TEXT, "", "  hi all "));
        assertThat(ChatCommand.parse("   ").kind()).isEqualTo(Kind.EMPTY);
    }

    @Test
    @DisplayName("Provided: the commands, in any case, with their arguments")
    void commands() {
        assertThat(ChatCommand.parse("/quit").kind()).isEqualTo(Kind.QUIT);
        assertThat(ChatCommand.parse(" EXIT ").kind()).isEqualTo(Kind.QUIT);
        assertThat(ChatCommand.parse("/LIST").kind()).isEqualTo(Kind.LIST);
        assertThat(ChatCommand.parse("/help").kind()).isEqualTo(Kind.HELP);
        assertThat(ChatCommand.parse("/nick robert")).isEqualTo(new ChatCommand(Kind.NICK, "robert", ""));
        assertThat(ChatCommand.parse("/msg bob see you  at 5")).isEqualTo(new ChatCommand(Kind.MSG, "bob", "see you  at 5"));
    }

    @Test
    @DisplayName("Provided: exit is a command in a Turkish locale too (no toLowerCase)")
    void exitInEveryLocale() {
        // The tests run with a Turkish locale (src/test/jvm.args), where "EXIT".toLowerCase() is "exıt".
        assertThat(ChatCommand.parse("EXIT").kind()).isEqualTo(Kind.QUIT);
        assertThat(ChatCommand.parse("Exit").kind()).isEqualTo(Kind.QUIT);
    }

    @Test
    @DisplayName("Provided: a wrong command says what is wrong")
    void wrongCommands() {
        assertThat(ChatCommand.parse("/nope")).extracting(ChatCommand::kind, ChatCommand::text)
                .containsExactly(Kind.WRONG, "Unknown command /nope. Type /help for the commands.");
        assertThat(ChatCommand.parse("/msg bob").text()).startsWith("Use /msg NAME TEXT");
        assertThat(ChatCommand.parse("/nick").text()).startsWith("Use /nick NAME");
        assertThat(ChatCommand.parse("/quit now").kind()).isEqualTo(Kind.WRONG);
    }
}
