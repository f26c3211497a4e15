// @kit:instructor-only tests of provided code with the reference - never copy into the student edition
package chatkit.lesson2.reference;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.testkit.ChatUser;
import chatkit.lesson2.testkit.TestServer;
import chatkit.testkit.StepMessages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16 item 7, the server's side: U+2028, U+200F, U+061C and U+FEFF passed ChatLines.clean
 * before; now every invisible format character and separator is replaced, over a real chat.
 * Not graded: it needs the reference's steps.
 */
@ExtendWith(StepMessages.class)
@Tag("provided")
class InvisibleCharactersTest {

    @Test
    @DisplayName("Provided: separators, direction marks and the byte order mark reach nobody as they are")
    void invisibleCharactersAreReplaced() throws Exception {
        try (TestServer server = TestServer.start();
             ChatUser alice = server.join("alice");
             ChatUser bob = server.join("bob")) {
            alice.say("a\u2028b\u200fc\u061cd\ufeffe\u2066f\u001b[2Jg");

            assertThat(bob.nextChatLine()).isEqualTo("<alice> a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFD[2Jg");
        }
    }
}
