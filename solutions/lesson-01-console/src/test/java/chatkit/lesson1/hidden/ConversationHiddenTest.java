// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson1.hidden;

import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson1.ChatProtocol;
import chatkit.lesson1.Conversation;
import chatkit.lesson1.Ending;
import chatkit.lesson1.LineConnection;
import chatkit.testkit.Background;
import chatkit.testkit.ConsoleSpy;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.SocketPair;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
@Tag("step-7")
class ConversationHiddenTest {

    private SocketPair pair;
    private TestPeer friend;
    private final Screen screen = new Screen();

    @BeforeEach
    void connect() throws Exception {
        pair = SocketPair.open();
        friend = pair.testEnd();
    }

    @AfterEach
    void disconnect() throws Exception {
        pair.close();
    }

    @RepeatedTest(4)
    @DisplayName("Step 7: a random number of turns, either side first, either side leaving with exit")
    void randomConversation(Random random) throws Exception {
        boolean youFirst = random.nextBoolean();
        boolean youLeave = random.nextBoolean();
        int turns = 1 + random.nextInt(7); // lines before the exit line
        ScriptedKeyboard keyboard = new ScriptedKeyboard(screen);
        Background<Ending> chat = Background.start("conversation", () ->
                new Conversation(new LineConnection(pair.yourEnd()), keyboard.reader(), screen.writer()).run(youFirst));

        // GIVEN a script: who says which line, taking turns, ending with the leaver's exit
        List<Boolean> yours = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        boolean yourTurn = youFirst;
        for (int i = 0; i < turns || yourTurn != youLeave; i++) {
            yours.add(yourTurn);
            lines.add(Texts.anyLine(random));
            yourTurn = !yourTurn;
        }
        yours.add(yourTurn);
        lines.add(Texts.exitWord(random));

        List<String> friendLines = new ArrayList<>();
        int yourLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (yours.get(i)) {
                yourLines++;
                keyboard.type(lines.get(i));
                assertThat(friend.readLine()).as("Step 7: the line you typed, on the wire").isEqualTo(lines.get(i));
            } else {
                friend.sendLine(lines.get(i));
                friendLines.add(lines.get(i));
            }
        }
        if (!youLeave) {
            friendLines.remove(friendLines.size() - 1); // the friend's exit is not shown as a chat line
        }

        assertThat(chat.await(TestPeer.WAIT)).as("Step 7: how the chat ended")
                .isEqualTo(youLeave ? Ending.YOU_LEFT : Ending.FRIEND_LEFT);
        assertThat(Texts.shownInOrder(screen.text(), friendLines))
                .as("Step 7: the friend's lines %s on your screen, in order; the screen was:%n%s", friendLines, screen.text())
                .isTrue();
        assertThat(keyboard.timesAsked()).as("Step 7: the keyboard is read once per line of yours, only on your turns")
                .isEqualTo(yourLines);
        assertThat(screen.text().split("you> ", -1).length - 1)
                .as("Step 7: how often the prompt \"you> \" was shown: once before each line you type (call showPrompt());"
                        + " the screen was:%n%s", screen.text()).isEqualTo(yourLines);
    }

    @RepeatedTest(3)
    @DisplayName("Step 7: the friend vanishing abruptly at a random turn ends the chat, without a hang")
    void friendVanishes(Random random, RepetitionInfo repetition) throws Exception {
        int linesBefore = random.nextInt(4);
        boolean reset = repetition.getCurrentRepetition() != 2; // repetitions 1 and 3 reset, 2 closes
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < linesBefore + 2; i++) {
            typed.add(Texts.chatLine(random));
        }
        Background<Ending> chat = Background.start("conversation", () -> {
            try {
                return new Conversation(new LineConnection(pair.yourEnd()),
                        ScriptedKeyboard.typing(typed.toArray(new String[0])), screen.writer()).run(true);
            } catch (IOException lostConnection) {
                return null; // letting the exception out is right too: run() reports it
            }
        });

        for (int i = 0; i < linesBefore; i++) {
            assertThat(friend.readLine()).as("Step 7: your line %d", i + 1).isEqualTo(typed.get(i));
            friend.sendLine(Texts.chatLine(random));
        }
        try (ConsoleSpy realConsole = ConsoleSpy.start()) {
            assertThat(friend.readLine()).as("Step 7: your next line").isEqualTo(typed.get(linesBefore));
            if (reset) {
                friend.resetAbruptly();
            } else {
                friend.close();
            }

            assertThat(chat.await(TestPeer.WAIT)).as("Step 7: run() after the friend vanished (%s): FRIEND_HUNG_UP, or"
                    + " an IOException", reset ? "connection reset" : "closed").isIn(Ending.FRIEND_HUNG_UP, null);
            assertThat(realConsole.text()).as("Step 7: what run() printed to the real console").isEmpty();
        }
    }

    @RepeatedTest(3)
    @DisplayName("Step 7: your exit in any case ends the chat, and nothing is sent after it")
    void nothingAfterYourExit(Random random) throws Exception {
        String exit = Texts.exitWord(random);
        Background<Ending> chat = Background.start("conversation", () ->
                new Conversation(new LineConnection(pair.yourEnd()),
                        ScriptedKeyboard.typing(exit, "never sent"), screen.writer()).run(true));

        String sent = friend.readLine();

        assertThat(ChatProtocol.isExit(sent)).as("Step 7: what you sent (\"%s\")", sent).isTrue();
        assertThat(chat.await(TestPeer.WAIT)).as("Step 7: how the chat ended").isEqualTo(Ending.YOU_LEFT);
        pair.yourEnd().close(); // the program would close now: whatever comes is what run() sent
        assertThat(friend.readLine()).as("Step 7: anything sent after exit").isNull();
    }
}
