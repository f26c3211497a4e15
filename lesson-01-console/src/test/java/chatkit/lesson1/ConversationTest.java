package chatkit.lesson1;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.testkit.Background;
import chatkit.testkit.ConsoleSpy;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.SocketPair;
import chatkit.testkit.StepMessages;
import chatkit.testkit.StepTimeouts;
import chatkit.testkit.TestPeer;
import chatkit.testkit.WhereItWaits;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Step 7: taking turns. Your Conversation runs on its own thread, as it does for real; the test
 * types on its keyboard, reads its screen, and plays the friend at the other end of the socket.
 */
@ExtendWith(StepMessages.class)
@Tag("step-7")
class ConversationTest {

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

    /**
     * The line the friend receives once the keyboard input has ended (keyboard.readLine() gave
     * null). Each way of getting that wrong gets its own words: reading on after the end, leaving
     * without a word, sending the word "null", or using the null as a line.
     */
    private String lineSentWhenTheKeyboardEnds(Background<Ending> chat) throws IOException {
        String sent;
        try {
            sent = friend.readLine();
        } catch (StepTimeouts.Hang nothingCame) {
            if (chat.isDone()) {
                // Not a hang: run() came back, without a word to the friend.
                throw new AssertionError("Step 7: when the keyboard input ended, run() returned without sending"
                        + " anything to your friend, who would wait for ever: send exit first, then return YOU_LEFT");
            }
            throw new AssertionError("Step 7: when the keyboard input ended (keyboard.readLine() gave null), your"
                    + " code neither sent exit nor returned. Does it skip null and read again? After the end, every"
                    + " readLine() gives null at once: treat null like exit (send exit, return YOU_LEFT)", nothingCame);
        } catch (RuntimeException | Error failure) {
            Optional<Throwable> npe = causeOfKind(failure, NullPointerException.class);
            if (npe.isPresent()) {
                String where = WhereItWaits.lessonFrames(npe.get().getStackTrace()).map(frames -> ", in " + frames)
                        .orElse("");
                throw new AssertionError("Step 7: when the keyboard input ended, keyboard.readLine() gave null and your"
                        + " code used it as a line (a NullPointerException" + where + "). Check for null first: it"
                        + " counts as exit (send exit, return YOU_LEFT)", failure);
            }
            throw failure;
        }
        assertThat(sent).as("Step 7: what the friend receives when your keyboard input ends").isNotNull();
        assertThat(sent).as("Step 7: your code sent the word \"null\": keyboard.readLine() gives null when the input"
                + " ends (Ctrl-D). Send exit instead (ChatProtocol.EXIT_WORD)").isNotEqualTo("null");
        return sent;
    }

    private static Optional<Throwable> causeOfKind(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    private Background<Ending> startConversation(BufferedReader keyboard, boolean youSpeakFirst) {
        return Background.start("conversation",
                () -> new Conversation(new LineConnection(pair.yourEnd()), keyboard, screen.writer()).run(youSpeakFirst));
    }

    @Test
    @DisplayName("Step 7: speaking first, you send what you type, then see your friend's reply")
    void speakingFirstSendsThenShowsTheReply() throws Exception {
        Background<Ending> chat = startConversation(ScriptedKeyboard.typing("hello", "exit"), true);

        assertThat(friend.readLine()).as("Step 7: the first line the friend receives (the first line typed)")
                .isEqualTo("hello");
        friend.sendLine("hi back");
        assertThat(friend.readLine()).as("Step 7: the second line the friend receives").isEqualTo("exit");

        assertThat(chat.await(TestPeer.WAIT)).as("Step 7: what run() returns after you typed exit")
                .isEqualTo(Ending.YOU_LEFT);
        assertThat(screen.text()).as("Step 7: your screen should show the friend's line").contains("hi back");
    }

    @Test
    @DisplayName("Step 7: when your friend speaks first, you wait for their line before reading the keyboard")
    void whenTheFriendSpeaksFirstYouWait() throws Exception {
        ScriptedKeyboard keyboard = new ScriptedKeyboard(screen);
        Background<Ending> chat = startConversation(keyboard.reader(), false);

        friend.sendLine("ping");
        screen.awaitText("ping");
        keyboard.type("pong");

        assertThat(friend.readLine()).as("Step 7: your reply").isEqualTo("pong");
        assertThat(keyboard.screenWhenAsked(1))
                .as("Step 7: with youSpeakFirst false, run() should show the friend's line before it reads the keyboard")
                .contains("ping");
        friend.sendLine("exit");
        assertThat(chat.await(TestPeer.WAIT)).as("Step 7: what run() returns after the friend sent exit")
                .isEqualTo(Ending.FRIEND_LEFT);
    }

    @Test
    @DisplayName("Step 7: turns alternate, line after line (empty ones too), until the friend hangs up")
    void turnsAlternateUntilTheFriendHangsUp() throws Exception {
        Background<Ending> chat = startConversation(ScriptedKeyboard.typing("a", "", "  c  "), true);

        assertThat(friend.readLine()).as("Step 7: your 1st line").isEqualTo("a");
        friend.sendLine("1");
        assertThat(friend.readLine()).as("Step 7: your 2nd line, an empty one").isEqualTo("");
        friend.sendLine("");
        assertThat(friend.readLine()).as("Step 7: your 3rd line, exactly as typed").isEqualTo("  c  ");
        friend.sendLine("2");
        assertThat(lineSentWhenTheKeyboardEnds(chat)).as("Step 7: your 4th line (the keyboard input ended: that"
                + " counts as exit)").isNotNull();
        friend.close();

        assertThat(chat.await(TestPeer.WAIT)).as("Step 7: what run() returns after you typed nothing more")
                .isEqualTo(Ending.YOU_LEFT);
        assertThat(screen.text()).as("Step 7: your screen shows the friend's lines in order").containsSubsequence("1", "2");
    }

    @Test
    @DisplayName("Step 7: an empty line from your friend is an ordinary line, and the chat goes on")
    void emptyLineFromTheFriendIsNotAHangUp() throws Exception {
        Background<Ending> chat = startConversation(ScriptedKeyboard.typing("still here?"), false);

        friend.sendLine("");

        assertThat(friend.readLine()).as("Step 7: your reply to an empty line (an empty line is not a hang-up)")
                .isEqualTo("still here?");
        friend.close();
        assertThat(chat.await(TestPeer.WAIT)).as("Step 7: what run() returns when receive() gives null")
                .isEqualTo(Ending.FRIEND_HUNG_UP);
    }

    @Test
    @DisplayName("Step 7: your friend vanishing without a goodbye (a reset) ends the chat, without a hang")
    void friendVanishingEndsTheChat() throws Exception {
        Background<Ending> chat = Background.start("conversation", () -> {
            try {
                return new Conversation(new LineConnection(pair.yourEnd()), ScriptedKeyboard.typing("hi"), screen.writer())
                        .run(true);
            } catch (IOException connectionLost) {
                return null; // letting the IOException out is right too: the program reports it
            }
        });

        try (ConsoleSpy realConsole = ConsoleSpy.start()) {
            assertThat(friend.readLine()).as("Step 7: your first line").isEqualTo("hi");
            friend.resetAbruptly();

            assertThat(chat.await(TestPeer.WAIT)).as("Step 7: run() after a connection reset: FRIEND_HUNG_UP, or an"
                    + " IOException let out").isIn(Ending.FRIEND_HUNG_UP, null);
            assertThat(realConsole.text()).as("Step 7: what run() printed to the real System.out or System.err"
                    + " (let the IOException out, or return; never printStackTrace)").isEmpty();
        }
    }

    @Test
    @DisplayName("Step 7: your friend's exit, in any case, ends the chat")
    void friendsExitEndsTheChat() throws Exception {
        Background<Ending> chat = startConversation(ScriptedKeyboard.typing(), false);

        friend.sendLine("  Exit ");

        assertThat(chat.await(TestPeer.WAIT)).as("Step 7: what run() returns after the friend sent \"  Exit \""
                        + " (ask ChatProtocol.isExit)")
                .isEqualTo(Ending.FRIEND_LEFT);
    }

    @Test
    @DisplayName("Step 7: the end of the keyboard input (Ctrl-D) counts as typing exit")
    void endOfKeyboardInputIsExit() throws Exception {
        Background<Ending> chat = startConversation(ScriptedKeyboard.typing(), true);

        String sent = lineSentWhenTheKeyboardEnds(chat);

        assertThat(ChatProtocol.isExit(sent)).as("Step 7: \"%s\" should be exit", sent).isTrue();
        assertThat(chat.await(TestPeer.WAIT)).as("Step 7: what run() returns").isEqualTo(Ending.YOU_LEFT);
    }
}
