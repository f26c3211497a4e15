// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson3.hidden;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.hidden.Seeded;
import chatkit.lesson3.ChatModel;
import chatkit.lesson3.ChatSession;
import chatkit.lesson3.ServerLine;
import chatkit.testkit.Background;
import chatkit.lesson3.testkit.Edt;
import chatkit.lesson3.testkit.ScriptedServer;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Steps 3 to 5 with many and random lines, against a scripted server. */
@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
class SessionHiddenTest {

    private final ChatModel model = Edt.call(ChatModel::new);
    private final ChatSession session = new ChatSession(model);
    private ScriptedServer server;
    private TestPeer client;

    @BeforeEach
    void connect() throws Exception {
        server = ScriptedServer.start();
        session.connect("127.0.0.1", server.port());
        client = server.acceptClient();
    }

    @AfterEach
    void hangUp() throws Exception {
        session.close();
        server.close();
    }

    @RepeatedTest(2)
    @Tag("step-3")
    @DisplayName("Step 3: lines delivered from several threads at once all reach the model")
    void deliverFromManyThreads(Random random) {
        int threads = 2 + random.nextInt(4);
        int each = 100 + random.nextInt(200);
        Background.allAtOnce(threads, t -> {
            for (int i = 0; i < each; i++) {
                session.deliver("<t" + t + "> " + i);
            }
            return true;
        });

        Edt.await("Step 3: all delivered lines in the model", () -> assertThat(model.conversation()).hasSize(threads * each));
        for (int t = 0; t < threads; t++) {
            String from = "t" + t;
            List<String> texts = Edt.call(() -> model.conversation().stream().filter(l -> l.from().equals(from))
                    .map(ServerLine::text).toList());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                expected.add(String.valueOf(i));
            }
            assertThat(texts).as("Step 3: the lines of one thread keep their order").containsExactlyElementsOf(expected);
        }
    }

    @RepeatedTest(2)
    @Tag("step-4")
    @DisplayName("Step 4: a long conversation (thousands of lines, many scripts) reaches the model whole and in order")
    void longConversation(Random random) throws Exception {
        Background.start("startReader()", session::startReader).await(TestPeer.AT_ONCE);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2000 + random.nextInt(2000); i++) {
            lines.add("<u" + random.nextInt(50) + "> " + i + " " + ProtocolHiddenTest.text(random));
        }
        StringBuilder all = new StringBuilder();
        lines.forEach(line -> all.append(line).append('\n'));

        client.sendBytes(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Edt.await("Step 4: every line in the model", () -> assertThat(model.conversation()).hasSize(lines.size()));
        List<ServerLine> expected = lines.stream().map(ServerLine::parse).toList();
        assertThat(Edt.call(model::conversation)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a reset", "the server closing the connection"})
    @Tag("step-4")
    @DisplayName("Step 4: the end of the connection (a reset, or a plain close) ends the reader quietly and disconnects the model")
    void theEndOfTheConnectionEndsTheReader(String how) throws Exception {
        Edt.run(() -> model.connecting("127.0.0.1", server.port()));
        Thread reader = Background.start("startReader()", session::startReader).await(TestPeer.AT_ONCE);
        client.sendLine("* WELCOME alice - in");
        Edt.await("connected", () -> assertThat(model.status()).isEqualTo(ChatModel.Status.CONNECTED));

        // A reset makes readLine() throw; a plain close makes it return null: both end the reader
        // (one that skips null and reads again spins for ever instead).
        if (how.equals("a reset")) {
            client.resetAbruptly();
        } else {
            client.close();
        }

        Edt.await("Step 4: the status after " + how + " (call connectionEnded() once the loop ends, whether"
                + " readLine() gave null or threw)", () -> assertThat(model.status())
                .isEqualTo(ChatModel.Status.DISCONNECTED));
        reader.join(TestPeer.WAIT.toMillis());
        assertThat(reader.isAlive()).as("Step 4: the reader thread after " + how + " (does it end its loop on null?)")
                .isFalse();
    }

    @RepeatedTest(2)
    @Tag("step-5")
    @DisplayName("Step 5: random lines and private messages are sent exactly; only chat lines are shown as yours")
    void randomSending(Random random) throws Exception {
        Edt.run(() -> model.apply(ServerLine.parse("* WELCOME me - in")));
        List<String> sent = new ArrayList<>();
        int chatLines = 0;
        for (int i = 0; i < 30; i++) {
            if (random.nextInt(3) == 0) {
                String to = ProtocolHiddenTest.nickname(random, i);
                String text = "x" + ProtocolHiddenTest.text(random);
                Edt.run(() -> session.sendPrivate(to, text));
                sent.add("/msg " + to + " " + text);
            } else if (random.nextInt(4) == 0) {
                Edt.run(() -> session.send("/list"));
                sent.add("/list");
            } else {
                String text = "t" + ProtocolHiddenTest.text(random);
                Edt.run(() -> session.send(text));
                sent.add(text);
                chatLines++;
            }
        }

        for (String line : sent) {
            assertThat(client.readLine()).as("Step 5: what the server receives").isEqualTo(line);
        }
        int expectedChat = chatLines;
        assertThat(Edt.call(() -> model.conversation().stream().filter(l -> l.kind() == ServerLine.Kind.CHAT).count()))
                .as("Step 5: your own chat lines in the conversation").isEqualTo((long) expectedChat);
    }
}
