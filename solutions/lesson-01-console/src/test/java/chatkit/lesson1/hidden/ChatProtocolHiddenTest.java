// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson1.hidden;

import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson1.ChatProtocol;
import chatkit.testkit.StepMessages;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
@Tag("step-6")
class ChatProtocolHiddenTest {

    @RepeatedTest(5)
    @DisplayName("Step 6: exit in a random mix of cases, with random spaces around it, is exit")
    void randomCaseAndSpacing(Random random) {
        for (int i = 0; i < 20; i++) {
            String line = Texts.exitWord(random);
            assertThat(ChatProtocol.isExit(line)).as("Step 6: isExit(\"%s\")", line).isTrue();
        }
    }

    @RepeatedTest(5)
    @DisplayName("Step 6: exit with anything else on the line, and random chat lines, are not exit")
    void nearMissesAreNotExit(Random random) {
        String exit = Texts.exitWord(random).strip();
        String[] nearMisses = {
            exit + "s", "x" + exit, exit + " " + Texts.chatLine(random), Texts.chatLine(random) + " " + exit,
            exit.substring(0, 2) + " " + exit.substring(2), exit.substring(1), Texts.chatLine(random), ""
        };
        for (String line : nearMisses) {
            assertThat(ChatProtocol.isExit(line)).as("Step 6: isExit(\"%s\")", line).isFalse();
        }
    }
}
