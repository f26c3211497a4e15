package chatkit.lesson3;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson3.ServerLine.Kind;
import chatkit.testkit.Background;
import chatkit.lesson3.testkit.Edt;
import chatkit.lesson3.testkit.ScriptedServer;
import chatkit.testkit.StepMessages;
import chatkit.testkit.StepTimeouts;
import chatkit.testkit.TestPeer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Steps 3 to 5: the session between the network and the model, against a scripted server over a
 * real connection on this computer. The model is read on the event thread, as the window does.
 */
@ExtendWith(StepMessages.class)
class ChatSessionTest {

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

    private List<ServerLine> conversation() {
        return Edt.call(model::conversation);
    }

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: deliver() from another thread puts the line into the model, on the event thread")
    void deliverHandsOver() {
        Background.start("reader", () -> {
            session.deliver("<bob> hi alice");
            return null;
        }).await(TestPeer.WAIT);

        Edt.await("Step 3: the model's conversation after deliver(\"<bob> hi alice\") (SwingUtilities.invokeLater)",
                () -> assertThat(model.conversation()).containsExactly(ServerLine.chat("bob", "hi alice")));
    }

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: deliver() returns at once, and lines keep their order")
    void deliverKeepsOrder() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            lines.add("<bob> line " + i);
        }
        // While the event thread is busy, deliver() must not wait for it.
        Edt.run(() -> {
            Background<Void> reader = Background.start("reader", () -> {
                lines.forEach(session::deliver);
                return null;
            });
            try {
                reader.await(TestPeer.WAIT);
            } catch (StepTimeouts.Hang e) {
                throw new StepTimeouts.Hang("deliver() did not return while the event thread was busy: does it wait"
                        + " for the event thread (invokeAndWait)? Use SwingUtilities.invokeLater, which returns at once"
                        + " and lets the event thread do the work later. (" + e.getMessage() + ")");
            }
        });

        Edt.await("Step 3: all 50 lines in the model, in order", () -> assertThat(model.conversation())
                .extracting(ServerLine::text).containsExactlyElementsOf(lines.stream().map(l -> l.substring(6)).toList()));
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: startReader() returns at once; its thread reads every line into the model")
    void readerReadsIntoTheModel() throws Exception {
        Thread reader = Background.start("startReader()", session::startReader).await(TestPeer.AT_ONCE);

        assertThat(reader).as("Step 4: the thread startReader() returns").isNotNull();
        assertThat(reader.isAlive()).as("Step 4: the reader thread is running (did you start() it?)").isTrue();
        client.sendLine("* WELCOME alice - in");
        client.sendLine("<bob> héllo 🙂");
        Edt.await("Step 4: the lines the server sent, in the model", () -> assertThat(model.conversation())
                .extracting(ServerLine::kind).containsExactly(Kind.WELCOME, Kind.CHAT));
        assertThat(conversation().get(1).text()).isEqualTo("héllo 🙂");
    }

    @Test
    @Tag("step-4")
    @DisplayName("Step 4: when the server hangs up, the reader thread ends and the model is disconnected")
    void hangUpEndsTheReader() throws Exception {
        Edt.run(() -> model.connecting("127.0.0.1", server.port()));
        Thread reader = Background.start("startReader()", session::startReader).await(TestPeer.AT_ONCE);

        client.close();

        Edt.await("Step 4: the model's status after the server hung up (call connectionEnded() after the loop)",
                () -> assertThat(model.status()).isEqualTo(ChatModel.Status.DISCONNECTED));
        reader.join(TestPeer.WAIT.toMillis());
        assertThat(reader.isAlive()).as("Step 4: the reader thread after the server hung up").isFalse();
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: send() sends a chat line, and shows it in your own conversation")
    void sendShowsYourOwnLine() throws Exception {
        Edt.run(() -> model.apply(ServerLine.notice(Kind.WELCOME, List.of("alice"), "alice - in")));

        Edt.run(() -> session.send("hi all"));

        assertThat(client.readLine()).as("Step 5: what the server receives").isEqualTo("hi all");
        assertThat(conversation()).as("Step 5: your conversation (the server does not send your own lines back)")
                .endsWith(ServerLine.chat("alice", "hi all"));
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: a command is sent, and not shown as a chat line")
    void commandsAreSentOnly() throws Exception {
        Edt.run(() -> session.send("/list"));

        assertThat(client.readLine()).as("Step 5: what the server receives").isEqualTo("/list");
        assertThat(conversation()).as("Step 5: your conversation after sending /list").isEmpty();
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: sendPrivate() sends the server's /msg command")
    void sendPrivate() throws Exception {
        Edt.run(() -> session.sendPrivate("bob", "see you at 5"));

        assertThat(client.readLine()).as("Step 5: what the server receives").isEqualTo("/msg bob see you at 5");
    }
}
