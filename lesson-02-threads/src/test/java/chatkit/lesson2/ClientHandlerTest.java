package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.testkit.ChatUser;
import chatkit.lesson2.testkit.Room;
import chatkit.testkit.StepMessages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Steps 4 to 7: your ClientHandler, one per connection, exactly as the server runs it, but
 * without the accept loop (see {@link Room}). The test plays every user over real connections.
 */
@ExtendWith(StepMessages.class)
class ClientHandlerTest {

    private Room room;

    @BeforeEach
    void openRoom(TestInfo test) throws Exception {
        // Step 4's tests stop each handler after registerNickname(): they must pass before chat() (step 5) is done.
        room = test.getTags().contains("step-4") ? Room.upToNickname() : new Room();
    }

    @AfterEach
    void closeRoom() throws Exception {
        room.close();
    }

    // ----- Step 4: nicknames -------------------------------------------------------------

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: a free, valid nickname is welcomed, and it is on the list before the welcome")
    void aFreeNicknameIsWelcomed() throws Exception {
        try (ChatUser alice = room.join("alice")) {
            // join() returned: alice has read "* WELCOME alice ...". No waiting here on purpose.
            assertThat(room.registry().nicknames()).as("Step 4: who is in the registry the moment alice is welcomed"
                    + " (add her first, then send the welcome)").containsExactly("alice");
        }
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: a taken nickname gets an error, nobody is told of it, and the client can try another")
    void aTakenNicknameCanBeRetried() throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser second = room.connect()) {
            second.expectHello();
            second.say("alice");

            assertThat(second.nextLine()).as("Step 4: the answer to a second \"alice\" (send ChatLines.error(...)"
                    + " when registry.add() says no)").startsWith("* ERROR");
            room.broadcastSentinel();
            assertThat(alice.nextLine()).as("Step 4: what alice reads after the second \"alice\" was refused: nothing"
                    + " about it (broadcast the JOIN only once registry.add() has said yes)").isEqualTo(Room.SENTINEL);
            second.joinAs("alice2");
            assertThat(room.registry().nicknames()).containsExactlyInAnyOrder("alice", "alice2");
        }
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: a nickname that is not valid gets an error, is not taken, and nobody is told of it")
    void anInvalidNicknameIsRefused() throws Exception {
        try (ChatUser watcher = room.join("watcher");
             ChatUser user = room.connect()) {
            user.expectHello();
            user.say("two words");

            assertThat(user.nextLine()).as("Step 4: the answer to the nickname \"two words\" (check"
                    + " Nicknames.problem(name) first)").startsWith("* ERROR");
            room.broadcastSentinel();
            assertThat(watcher.nextLine()).as("Step 4: what others read after \"two words\" was refused: nothing"
                    + " about it (broadcast the JOIN only once the name is valid and yours)").isEqualTo(Room.SENTINEL);
            user.joinAs("one_word");
            assertThat(room.registry().nicknames()).containsExactlyInAnyOrder("watcher", "one_word");
        }
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: the others are told who joined, the newcomer is not")
    void othersAreToldWhoJoined() throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob")) {
            assertThat(alice.nextLine()).as("Step 4: what alice reads when bob joins (broadcast ChatLines.joined(...))")
                    .isEqualTo("* JOIN bob joined the chat");

            room.broadcastSentinel();

            assertThat(bob.nextLine()).as("Step 4: the next line bob reads after his welcome: no JOIN about"
                    + " himself (the broadcast skips him)").isEqualTo(Room.SENTINEL);
        }
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: a client that leaves before choosing a nickname is never on the list")
    void leavingBeforeANicknameLeavesNoTrace() throws Exception {
        try (ChatUser alice = room.join("alice")) {
            ChatUser shy = room.connect();
            shy.expectHello();
            shy.close();

            room.broadcastSentinel();
            assertThat(alice.nextLine()).as("Step 4: what alice reads after a client left without a nickname")
                    .isEqualTo(Room.SENTINEL);
            assertThat(room.registry().nicknames()).containsExactly("alice");
        }
    }

    // ----- Step 5: chat ------------------------------------------------------------------

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: a line from alice reaches bob as \"<alice> text\", and does not come back to alice")
    void aLineReachesTheOthers() throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob")) {
            alice.say("hi all");

            assertThat(bob.nextChatLine()).as("Step 5: the next chat line bob reads (broadcast"
                    + " ChatLines.chat(nickname, command.text()))").isEqualTo("<alice> hi all");
            room.broadcastSentinel();
            assertThat(linesUntilSentinel(alice)).as("Step 5: what alice reads after her own line (skip the sender)")
                    .doesNotContain("<alice> hi all");
        }
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: several lines in one TCP packet arrive as several lines, in order")
    void severalLinesInOneWrite() throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob")) {
            alice.peer().sendBytes("one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));

            assertThat(List.of(bob.nextChatLine(), bob.nextChatLine(), bob.nextChatLine()))
                    .as("Step 5: the chat lines bob reads after alice sent three lines at once (one line per"
                            + " readLine(), in a loop)")
                    .containsExactly("<alice> one", "<alice> two", "<alice> three");
        }
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: /quit gets a goodbye, then the server hangs up")
    void quitSaysGoodbye() throws Exception {
        try (ChatUser alice = room.join("alice")) {
            alice.say("/quit");

            assertThat(alice.nextLine()).as("Step 5: the answer to /quit (send ChatLines.bye(...) and return)")
                    .startsWith("* BYE");
            assertThat(alice.closedByServer()).as("Step 5: the server closed the connection after the goodbye").isTrue();
        }
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: exit works like /quit, in any case")
    void exitWorksLikeQuit() throws Exception {
        try (ChatUser alice = room.join("alice")) {
            alice.say("Exit");

            assertThat(alice.nextLine()).as("Step 5: the answer to \"Exit\" (ChatCommand.parse says QUIT)")
                    .startsWith("* BYE");
        }
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: a command is answered to the one who sent it, and not broadcast")
    void commandsAreNotBroadcast() throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob")) {
            alice.say("/help");

            assertThat(alice.nextLineStartingWith("* INFO")).as("Step 5: alice's answer to /help (runCommand)")
                    .contains("/msg");
            room.broadcastSentinel();
            assertThat(linesUntilSentinel(bob)).as("Step 5: what bob reads after alice typed /help")
                    .noneMatch(line -> line.contains("/help"));
        }
    }

    // ----- Step 6: /list and /msg --------------------------------------------------------

    @Test
    @Tag("step-6")
    @DisplayName("Step 6: /list answers with everyone online, to the one who asked only")
    void listAnswersTheAsker() throws Exception {
        try (ChatUser carol = room.join("carol");
             ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob")) {
            alice.say("/list");

            assertThat(alice.nextLineStartingWith("* ONLINE")).as("Step 6: alice's answer to /list")
                    .isEqualTo("* ONLINE alice bob carol");
            room.broadcastSentinel();
            assertThat(linesUntilSentinel(bob)).as("Step 6: what bob reads after alice's /list (the answer is for"
                    + " alice only)").noneMatch(line -> line.startsWith("* ONLINE"));
        }
    }

    @Test
    @Tag("step-6")
    @DisplayName("Step 6: the /list answer is taken and sent under the registry's lock, so no JOIN can overtake it")
    void listIsSentUnderTheRegistrysLock() throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob")) {
            alice.say("/list");
            assertThat(alice.nextLineStartingWith("* ONLINE")).as("Step 6: alice's answer to /list")
                    .isEqualTo("* ONLINE alice bob");

            assertThat(room.sentUnderTheRegistrysLock("* ONLINE")).as("Step 6: was the registry's lock held while"
                    + " the /list answer was sent? It must be: someone joining between nicknames() and send() would"
                    + " be announced before a list that does not know them. Take the list and send it inside one"
                    + " synchronized (registry) { ... } block (look at ClientHandler.sendOnlineList(), TODO 6)")
                    .containsExactly(true);
        }
    }

    @Test
    @Tag("step-6")
    @DisplayName("Step 6: /msg reaches one user, and the sender gets the same line as a receipt")
    void msgReachesOneUser() throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob");
             ChatUser carol = room.join("carol")) {
            alice.say("/msg bob see you at 5");

            assertThat(bob.nextLineStartingWith("[")).as("Step 6: what bob reads").isEqualTo("[alice -> bob] see you at 5");
            assertThat(alice.nextLineStartingWith("[")).as("Step 6: alice's receipt (send the same line back to her)")
                    .isEqualTo("[alice -> bob] see you at 5");
            room.broadcastSentinel();
            assertThat(linesUntilSentinel(carol)).as("Step 6: what carol reads (the message is private)")
                    .noneMatch(line -> line.contains("see you at 5"));
        }
    }

    @Test
    @Tag("step-6")
    @DisplayName("Step 6: /msg to someone who is not online gets an error")
    void msgToNobodyIsAnError() throws Exception {
        try (ChatUser alice = room.join("alice")) {
            alice.say("/msg zoe hello?");

            assertThat(alice.nextLine()).as("Step 6: the answer to /msg for a nickname nobody has").startsWith("* ERROR");
        }
    }

    // ----- Step 7: leaving ---------------------------------------------------------------

    @Test
    @Tag("step-7")
    @DisplayName("Step 7: after /quit the others are told, and the nickname is free again")
    void quitTellsTheOthers() throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob")) {
            bob.say("/quit");

            assertThat(alice.nextLineStartingWith("* LEAVE")).as("Step 7: what alice reads when bob quits"
                    + " (broadcast ChatLines.left(nickname))").isEqualTo("* LEAVE bob left the chat");
            assertThat(room.registry().nicknames()).as("Step 7: who is online after bob quit (remove him)")
                    .containsExactly("alice");
            try (ChatUser newBob = room.join("bob")) {
                assertThat(newBob.nickname()).isEqualTo("bob");
            }
        }
    }

    @ParameterizedTest(name = "bob''s connection: {0}")
    @ValueSource(strings = {"reset", "hang up"})
    @Tag("step-7")
    @DisplayName("Step 7: a client that vanishes without /quit is removed, and the others are told")
    void vanishingCountsAsLeaving(String how) throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob")) {
            // No /quit, no goodbye: a connection reset (readLine() throws), or a plain close
            // (readLine() returns null: the end of the stream, which must end the chat loop too).
            bob.leaveWithoutQuit(how);

            assertThat(alice.nextLineStartingWith("* LEAVE")).as("Step 7: what alice reads when bob's connection"
                    + " ends (%s): readLine() gives null at the end of the stream, or throws on a reset; both"
                    + " end the chat loop", how).isEqualTo("* LEAVE bob left the chat");
            assertThat(room.registry().nicknames()).containsExactly("alice");
        }
    }

    @Test
    @Tag("step-7")
    @DisplayName("Step 7: after someone left, the others still get every line")
    void theChatGoesOnAfterALeave() throws Exception {
        try (ChatUser alice = room.join("alice");
             ChatUser bob = room.join("bob");
             ChatUser carol = room.join("carol")) {
            bob.vanish();
            assertThat(alice.nextLineStartingWith("* LEAVE")).isEqualTo("* LEAVE bob left the chat");

            carol.say("still here?");

            assertThat(alice.nextChatLine()).as("Step 7: what alice reads after bob left and carol spoke")
                    .isEqualTo("<carol> still here?");
        }
    }

    /** Reads until the marker line the test broadcast last (Room.SENTINEL); returns what came before it. */
    private static List<String> linesUntilSentinel(ChatUser user) throws Exception {
        List<String> lines = new ArrayList<>();
        String line;
        while (!Room.SENTINEL.equals(line = user.nextLine())) {
            if (line == null) {
                throw new AssertionError(user.nickname() + "'s connection closed before the test's last line arrived");
            }
            lines.add(line);
        }
        return lines;
    }
}
