package chatkit.lesson1;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.testkit.StepMessages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Step 6: the exit rule. Plain Java, no sockets: these tests take milliseconds. */
@ExtendWith(StepMessages.class)
class ChatProtocolTest {

    @ParameterizedTest(name = "\"{0}\" is exit")
    @ValueSource(strings = {"exit", "EXIT", "Exit", "eXIt"})
    @Tag("step-6")
    @DisplayName("Step 6: exit in any mix of upper and lower case ends the chat")
    void exitInAnyCaseIsExit(String line) {
        assertThat(ChatProtocol.isExit(line))
                .as("Step 6: ChatProtocol.isExit(\"%s\") - case must not matter, in any language (these tests run"
                        + " in a Turkish locale: compare with equalsIgnoreCase, not toLowerCase)", line)
                .isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is exit")
    @ValueSource(strings = {" exit", "exit ", "  EXIT\t"})
    @Tag("step-6")
    @DisplayName("Step 6: spaces around exit are allowed")
    void spacesAroundExitAreAllowed(String line) {
        assertThat(ChatProtocol.isExit(line))
                .as("Step 6: ChatProtocol.isExit(\"%s\") - ignore spaces before and after the word, and case"
                        + " (in a Turkish locale too: equalsIgnoreCase)", line)
                .isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not exit")
    @ValueSource(strings = {"hello", "", "exit now", "exiting", "ex it", "quit", "I want to exit"})
    @Tag("step-6")
    @DisplayName("Step 6: any other line is an ordinary chat line")
    void otherLinesAreNotExit(String line) {
        assertThat(ChatProtocol.isExit(line))
                .as("Step 6: ChatProtocol.isExit(\"%s\") - only the word exit on its own ends the chat", line)
                .isFalse();
    }
}
