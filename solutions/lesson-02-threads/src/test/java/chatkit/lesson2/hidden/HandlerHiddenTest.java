// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson2.hidden;

import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.ChatLines;
import chatkit.lesson2.LineReader;
import chatkit.testkit.Background;
import chatkit.lesson2.testkit.ChatUser;
import chatkit.lesson2.testkit.Room;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
class HandlerHiddenTest {

    private Room room;
    private final List<ChatUser> users = new ArrayList<>();

    @BeforeEach
    void openRoom(TestInfo test) throws Exception {
        // Step 4's tests stop each handler after registerNickname(): they must pass before chat() (step 5) is done.
        room = test.getTags().contains("step-4") ? Room.upToNickname() : new Room();
    }

    @AfterEach
    void close() throws Exception {
        for (ChatUser user : users) {
            user.close();
        }
        room.close();
    }

    private ChatUser join(String nickname) throws Exception {
        ChatUser user = room.join(nickname);
        users.add(user);
        return user;
    }

    private List<ChatUser> joinAll(List<String> nicknames) throws Exception {
        List<ChatUser> joined = new ArrayList<>();
        for (String nickname : nicknames) {
            joined.add(join(nickname));
        }
        return joined;
    }

    /** Lines the user reads before the room's marker line (Room.SENTINEL): all that was sent to them before it. */
    private List<String> linesBeforeSentinel(ChatUser user) throws Exception {
        room.broadcastSentinel();
        List<String> lines = new ArrayList<>();
        String line;
        while (!Room.SENTINEL.equals(line = user.nextLine())) {
            assertThat(line).as("%s's connection closed before the test's last line arrived", user.nickname()).isNotNull();
            lines.add(line);
        }
        return lines;
    }

    // ----- Step 4 --------------------------------------------------------------------------

    @RepeatedTest(3)
    @Tag("step-4")
    @DisplayName("Step 4: random valid nicknames are welcomed and listed; the first user hears of each join")
    void randomNicknames(Random random) throws Exception {
        List<String> names = Texts.nicknames(random, 2 + random.nextInt(6));
        List<ChatUser> joined = joinAll(names);

        assertThat(room.registry().nicknames()).as("Step 4: who is registered").containsExactlyInAnyOrderElementsOf(names);
        // Each join notice goes out after its joiner's welcome, so two quick joins may be told in
        // either order (docs/protocol.md): compare them as a set, then check nothing else came.
        List<String> notices = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String name : names.subList(1, names.size())) {
            notices.add(joined.get(0).nextLine());
            expected.add(ChatLines.joined(name));
        }
        assertThat(notices).as("Step 4: what %s reads while the others join", names.get(0))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(linesBeforeSentinel(joined.get(0))).as("Step 4: what else %s read", names.get(0)).isEmpty();
    }

    @RepeatedTest(3)
    @Tag("step-4")
    @DisplayName("Step 4: a bad or taken nickname gets an error, then a good one is welcomed")
    void badThenGoodNickname(Random random) throws Exception {
        ChatUser taken = join("taken");
        ChatUser user = room.connect();
        users.add(user);
        user.expectHello();
        String bad = random.nextBoolean() ? Texts.badNickname(random) : "taken";

        user.say(bad);

        assertThat(user.nextLine()).as("Step 4: the answer to the nickname \"%s\"", bad).startsWith("* ERROR");
        room.broadcastSentinel();
        assertThat(taken.nextLine()).as("Step 4: what others read after the nickname \"%s\" was refused: nothing"
                + " about it", bad).isEqualTo(Room.SENTINEL);
        String good = Texts.nickname(random, 1);
        user.joinAs(good);
        assertThat(room.registry().nicknames()).containsExactlyInAnyOrder("taken", good);
    }

    @RepeatedTest(2)
    @Tag("step-4")
    @DisplayName("Step 4: connections asking for one nickname at the same moment: exactly one is welcomed")
    void oneNicknameManyHandlers(Random random) throws Exception {
        int count = 3 + random.nextInt(8);
        String name = Texts.nickname(random, 0);
        List<ChatUser> rivals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChatUser rival = room.connect();
            users.add(rival);
            rival.expectHello();
            rivals.add(rival);
        }
        for (ChatUser rival : rivals) {
            rival.say(name);
        }

        int welcomed = 0;
        for (ChatUser rival : rivals) {
            String answer = rival.nextLine();
            assertThat(answer).as("Step 4: the answer to \"%s\"", name).matches("\\* (WELCOME|ERROR) .*");
            welcomed += answer.startsWith("* WELCOME") ? 1 : 0;
        }
        assertThat(welcomed).as("Step 4: how many of %d connections asking for \"%s\" at once were welcomed", count, name)
                .isEqualTo(1);
        assertThat(room.registry().nicknames()).containsExactly(name);
    }

    // ----- Step 5 --------------------------------------------------------------------------

    @RepeatedTest(3)
    @Tag("step-5")
    @DisplayName("Step 5: random lines from random users reach all the others, exactly, in order")
    void randomLinesReachEveryoneElse(Random random) throws Exception {
        List<String> names = Texts.nicknames(random, 2 + random.nextInt(4));
        List<ChatUser> joined = joinAll(names);
        for (int i = 0; i < 12; i++) {
            int from = random.nextInt(names.size());
            String text = Texts.chatLine(random);

            joined.get(from).say(text);

            for (int u = 0; u < names.size(); u++) {
                if (u != from) {
                    assertThat(joined.get(u).nextChatLine()).as("Step 5: what %s reads after %s said \"%s\"",
                            names.get(u), names.get(from), text).isEqualTo(ChatLines.chat(names.get(from), text));
                }
            }
        }
        for (int u = 0; u < names.size(); u++) {
            assertThat(linesBeforeSentinel(joined.get(u))).as("Step 5: chat lines left over for %s (an own line came"
                    + " back?)", names.get(u)).noneMatch(line -> line.startsWith("<"));
        }
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: a line sent one byte at a time arrives whole")
    void oneLineInManyWrites() throws Exception {
        ChatUser alice = join("alice");
        ChatUser bob = join("bob");

        for (byte b : "slowly typed é🙂\n".getBytes(StandardCharsets.UTF_8)) {
            alice.peer().sendBytes(new byte[] {b});
        }

        assertThat(bob.nextChatLine()).isEqualTo("<alice> slowly typed é🙂");
    }

    @RepeatedTest(2)
    @Tag("step-5")
    @DisplayName("Step 5: a random number of lines in one TCP write arrive as that many lines")
    void manyLinesInOneWrite(Random random) throws Exception {
        ChatUser alice = join("alice");
        ChatUser bob = join("bob");
        List<String> texts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 2 + random.nextInt(30); i++) {
            String text = Texts.chatLine(random);
            texts.add(text);
            all.append(text).append(random.nextBoolean() ? "\n" : "\r\n");
        }

        alice.peer().sendBytes(all.toString().getBytes(StandardCharsets.UTF_8));

        for (String text : texts) {
            assertThat(bob.nextChatLine()).isEqualTo(ChatLines.chat("alice", text));
        }
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: an over-long line is cut, and the chat goes on")
    void overLongLine() throws Exception {
        ChatUser alice = join("alice");
        ChatUser bob = join("bob");

        alice.say("w".repeat(50_000));
        alice.say("after");

        assertThat(bob.nextChatLine()).isEqualTo("<alice> " + "w".repeat(LineReader.MAX_LINE_LENGTH) + LineReader.CUT_NOTE);
        assertThat(bob.nextChatLine()).isEqualTo("<alice> after");
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: bytes that are not UTF-8 do not stop the chat")
    void badBytes() throws Exception {
        ChatUser alice = join("alice");
        ChatUser bob = join("bob");

        alice.peer().sendBytes(new byte[] {'x', (byte) 0xFE, (byte) 0xC3, '\n'});
        alice.say("still here");

        assertThat(bob.nextChatLine()).isEqualTo("<alice> x\uFFFD\uFFFD");
        assertThat(bob.nextChatLine()).isEqualTo("<alice> still here");
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: empty lines and control characters: nothing blank is broadcast, nothing can fake a notice")
    void emptyLinesAndControlCharacters() throws Exception {
        ChatUser alice = join("alice");
        ChatUser bob = join("bob");

        alice.say("");
        alice.say("   ");
        alice.say("hi\r* JOIN mallory joined the chat");

        assertThat(bob.nextChatLine()).isEqualTo("<alice> hi\uFFFD* JOIN mallory joined the chat");
    }

    // ----- Step 6 --------------------------------------------------------------------------

    @RepeatedTest(3)
    @Tag("step-6")
    @DisplayName("Step 6: /list names everyone online, in alphabetical order, for random users")
    void listRandomUsers(Random random) throws Exception {
        List<String> names = Texts.nicknames(random, 1 + random.nextInt(7));
        List<ChatUser> joined = joinAll(names);
        ChatUser asker = joined.get(random.nextInt(joined.size()));

        asker.say("/LIST");

        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertThat(asker.nextLineStartingWith("* ONLINE")).isEqualTo("* ONLINE " + String.join(" ", sorted));
    }

    @RepeatedTest(3)
    @Tag("step-6")
    @DisplayName("Step 6: /msg between random users reaches the addressee and the sender only")
    void msgRandomUsers(Random random) throws Exception {
        List<String> names = Texts.nicknames(random, 2 + random.nextInt(4));
        List<ChatUser> joined = joinAll(names);
        int from = random.nextInt(names.size());
        int to = (from + 1 + random.nextInt(names.size() - 1)) % names.size();
        String text = Texts.chatLine(random) + " and more";

        joined.get(from).say("/msg " + names.get(to) + " " + text);

        String expected = ChatLines.privateMessage(names.get(from), names.get(to), text);
        assertThat(joined.get(to).nextLineStartingWith("[")).isEqualTo(expected);
        assertThat(joined.get(from).nextLineStartingWith("[")).as("Step 6: the sender's receipt").isEqualTo(expected);
        for (int u = 0; u < names.size(); u++) {
            if (u != from && u != to) {
                assertThat(linesBeforeSentinel(joined.get(u))).as("Step 6: what %s read", names.get(u))
                        .noneMatch(line -> line.startsWith("["));
            }
        }
    }

    // ----- Step 7 --------------------------------------------------------------------------

    @Test
    @Tag("step-7")
    @DisplayName("Step 7: a visitor who goes before choosing a nickname: nobody is told, nobody is removed")
    void visitorGoesBeforeChoosingANickname() throws Exception {
        ChatUser alice = room.join("alice");
        ChatUser visitor = room.connect();
        visitor.expectHello();
        visitor.peer().stopSending();
        assertThat(visitor.closedByServer()).as("Step 7: the server hangs up on a visitor who went without a"
                + " nickname").isTrue();

        room.broadcastSentinel();
        assertThat(alice.nextLine()).as("Step 7: the next line alice reads after a nameless visitor went (a LEAVE"
                + " here means leave() ran for a client who never joined)").isEqualTo(Room.SENTINEL);
        assertThat(room.registry().nicknames()).containsExactly("alice");
    }

    @RepeatedTest(3)
    @Tag("step-7")
    @DisplayName("Step 7: two users leaving at the same moment: the others hear of both, the list is right")
    void twoLeaveAtOnce(Random random) throws Exception {
        List<String> names = Texts.nicknames(random, 4);
        List<ChatUser> joined = joinAll(names);
        for (int i = 2; i < 4; i++) {
            leaveSomehow(joined.get(i), random);
        }

        for (int u = 0; u < 2; u++) {
            List<String> leaves = List.of(joined.get(u).nextLineStartingWith("* LEAVE"),
                    joined.get(u).nextLineStartingWith("* LEAVE"));
            assertThat(leaves).as("Step 7: the leave notices %s reads", names.get(u))
                    .containsExactlyInAnyOrder(ChatLines.left(names.get(2)), ChatLines.left(names.get(3)));
        }
        assertThat(room.registry().nicknames()).containsExactlyInAnyOrder(names.get(0), names.get(1));
    }

    @RepeatedTest(2)
    @Tag("step-7")
    @DisplayName("Step 7: users joining and leaving while someone talks: those who stay get every line")
    void comeAndGoWhileSomeoneTalks(Random random) throws Exception {
        ChatUser talker = join("talker");
        ChatUser stayer = join("stayer");
        int lines = 100 + random.nextInt(100);

        Background<Void> talk = Background.start("talker's lines", () -> {
            for (int i = 1; i <= lines; i++) {
                talker.say("line " + i);
            }
            return null;
        });
        for (int round = 0; round < 10; round++) {
            ChatUser visitor = join("visitor" + round);
            leaveSomehow(visitor, random);
        }
        talk.await(TestPeer.WAIT);

        for (int i = 1; i <= lines; i++) {
            assertThat(stayer.nextChatLine()).as("Step 7: line %d of %d the stayer reads while others come and go", i, lines)
                    .isEqualTo("<talker> line " + i);
        }
    }

    /** Leaves the chat one of the three ways a client can: /quit, a plain close, or a connection reset. */
    private static void leaveSomehow(ChatUser user, Random random) throws Exception {
        switch (random.nextInt(3)) {
            case 0 -> user.say("/quit");
            case 1 -> user.hangUp();
            default -> user.vanish();
        }
    }
}
