// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson3.hidden;

import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson3.ChatModel;
import chatkit.lesson3.ServerLine;
import chatkit.lesson3.ServerLine.Kind;
import chatkit.lesson3.testkit.Edt;
import chatkit.testkit.StepMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Steps 1 and 2 with random lines: parsing, and a model that follows long random conversations. */
@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
// Parsing a line takes microseconds: a test still running after 2 s has met a loop that never ends
// (the kit's usual limit, 10 s, is for tests that talk over the network).
@Timeout(2)
class ProtocolHiddenTest {

    private static final String[] PIECES = {"a", "Z", "0", " ", "> ", "] ", "* ", " -> ", "<x>", "[y]", "é", "你", "🙂",
        "ONLINE", "JOIN", ":", "?"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static String nickname(Random random, int index) {
        StringBuilder name = new StringBuilder().append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        for (int i = random.nextInt(8); i > 0; i--) {
            name.append("abc_-09XY".charAt(random.nextInt(9)));
        }
        return name.append(index).toString();
    }

    static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(10); i >= 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    @RepeatedTest(5)
    @Tag("step-1")
    @DisplayName("Step 1: random chat lines, private messages and notices are read back exactly")
    void randomLines(Random random) {
        for (int i = 0; i < 200; i++) {
            String a = nickname(random, i);
            String b = nickname(random, i + 1000);
            String text = text(random);
            assertThat(ServerLine.parse("<" + a + "> " + text)).isEqualTo(ServerLine.chat(a, text));
            assertThat(ServerLine.parse("[" + a + " -> " + b + "] " + text)).isEqualTo(ServerLine.privateMessage(a, b, text));
            String joinText = a + " joined the chat";
            assertThat(ServerLine.parse("* JOIN " + joinText)).isEqualTo(ServerLine.notice(Kind.JOIN, List.of(a), joinText));
            List<String> names = new ArrayList<>();
            // 1 to 5 names: the one who asks is always online, so the server never lists nobody
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                names.add(nickname(random, names.size()));
            }
            String online = String.join(" ", names);
            assertThat(ServerLine.parse("* ONLINE " + online)).as("parse(\"* ONLINE %s\")", online)
                    .isEqualTo(ServerLine.notice(Kind.ONLINE, names, online));
            String error = "E" + text;
            assertThat(ServerLine.parse("* ERROR " + error)).isEqualTo(ServerLine.notice(Kind.ERROR, List.of(), error));
        }
    }

    @org.junit.jupiter.api.Test
    @Tag("step-1")
    @DisplayName("Step 1: lines that only look like a chat line, a private message or a notice are OTHER")
    void lookAlikesAreOther() {
        // Only forms the handout's rules decide; lines the server never sends (an empty nickname,
        // a JOIN without a name) are left free.
        for (String line : List.of("<alice>no space", "[alice -> bob]no space", "[alice to bob] hi", "*JOIN bob",
                "alice> hi")) {
            assertThat(ServerLine.parse(line)).as("Step 1: parse(\"%s\")", line).isEqualTo(ServerLine.other(line));
        }
    }

    @RepeatedTest(3)
    @Tag("step-2")
    @DisplayName("Step 2: the model follows a long random run of joins, leaves, renames and lists")
    void longRandomConversation(Random random) {
        ChatModel model = Edt.call(ChatModel::new);
        TreeSet<String> expected = new TreeSet<>();
        String me = nickname(random, 0);
        List<String> lines = new ArrayList<>();
        lines.add("* WELCOME " + me + " - you are in.");
        expected.add(me);
        int next = 1;
        for (int i = 0; i < 1000; i++) {
            int what = random.nextInt(6);
            List<String> others = new ArrayList<>(expected);
            others.remove(me);
            if (what == 0 || others.isEmpty()) {
                String name = nickname(random, next++);
                lines.add("* JOIN " + name + " joined the chat");
                expected.add(name);
            } else if (what == 1) {
                String name = others.get(random.nextInt(others.size()));
                lines.add("* LEAVE " + name + " left the chat");
                expected.remove(name);
            } else if (what == 2) {
                String name = others.get(random.nextInt(others.size()));
                String renamed = nickname(random, next++);
                lines.add("* NICK " + name + " " + renamed + " - " + name + " is now known as " + renamed);
                expected.remove(name);
                expected.add(renamed);
            } else if (what == 3) {
                if (random.nextInt(3) == 0) {
                    // The answer is the whole list: whoever it leaves out is not online any more.
                    expected.remove(others.get(random.nextInt(others.size())));
                }
                lines.add("* ONLINE " + String.join(" ", expected));
            } else {
                lines.add("<" + others.get(random.nextInt(others.size())) + "> " + text(random));
            }
        }
        String newMe = nickname(random, next);
        lines.add("* NICK " + me + " " + newMe + " - renamed");
        expected.remove(me);
        expected.add(newMe);

        Edt.run(() -> {
            for (int i = 0; i < lines.size() - 1; i++) {
                model.apply(ServerLine.parse(lines.get(i)));
                assertThat(model.me()).as("Step 2: your nickname after line %d, \"%s\" (only a NICK about you"
                        + " changes it)", i + 1, lines.get(i)).isEqualTo(me);
            }
            model.apply(ServerLine.parse(lines.get(lines.size() - 1)));
        });

        Edt.run(() -> {
            assertThat(model.online()).as("Step 2: who is online after %d random lines", lines.size())
                    .containsExactlyElementsOf(expected);
            assertThat(model.me()).as("Step 2: your nickname after you were renamed").isEqualTo(newMe);
            assertThat(model.conversation()).as("Step 2: the conversation keeps every line").hasSize(lines.size());
            assertThat(model.status()).isEqualTo(ChatModel.Status.CONNECTED);
        });
    }
}
