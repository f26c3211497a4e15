package chatkit.lesson3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatkit.lesson3.ServerLine.Kind;
import chatkit.lesson3.testkit.Edt;
import chatkit.testkit.StepMessages;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Step 2: the model, on the event dispatch thread as in the window, without sockets. */
@ExtendWith(StepMessages.class)
class ChatModelTest {

    private final ChatModel model = Edt.call(ChatModel::new);

    private void apply(String... lines) {
        Edt.run(() -> {
            for (String line : lines) {
                model.apply(ServerLine.parse(line));
            }
        });
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: the welcome makes you connected, under your nickname, and online")
    void welcome() {
        apply("* HELLO Welcome!", "* WELCOME alice - you are in. 1 online.");

        Edt.run(() -> {
            assertThat(model.status()).as("Step 2: the status after the welcome").isEqualTo(ChatModel.Status.CONNECTED);
            assertThat(model.me()).as("Step 2: your nickname after \"* WELCOME alice ...\"").isEqualTo("alice");
            assertThat(model.online()).as("Step 2: who is online after the welcome").containsExactly("alice");
            assertThat(model.statusText()).contains("alice");
        });
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: JOIN, LEAVE and ONLINE keep the online list right")
    void onlineList() {
        apply("* WELCOME alice - in", "* ONLINE alice bob carol", "* JOIN dave joined the chat",
                "* LEAVE bob left the chat");

        Edt.run(() -> assertThat(model.online()).as("Step 2: online after ONLINE alice bob carol, JOIN dave, LEAVE bob")
                .containsExactly("alice", "carol", "dave"));
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: NICK renames someone on the list, and you when it is you")
    void nick() {
        apply("* WELCOME alice - in", "* ONLINE alice bob", "* NICK bob robert - renamed",
                "* NICK alice ally - renamed");

        Edt.run(() -> {
            assertThat(model.online()).as("Step 2: online after two renames").containsExactly("ally", "robert");
            assertThat(model.me()).as("Step 2: your nickname after \"* NICK alice ally\"").isEqualTo("ally");
        });
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: every line joins the conversation, in order, and the window is told of each change")
    void conversationAndListeners() {
        AtomicInteger changes = new AtomicInteger();
        Edt.run(() -> model.addListener(changes::incrementAndGet));

        apply("* WELCOME alice - in", "<bob> hi", "[bob -> alice] psst", "* ERROR nope");

        Edt.run(() -> assertThat(model.conversation()).extracting(ServerLine::kind).as("Step 2: the conversation")
                .containsExactly(Kind.WELCOME, Kind.CHAT, Kind.PRIVATE, Kind.ERROR));
        assertThat(changes.get()).as("Step 2: how often listeners heard of a change (call changed())")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    @Tag("provided")
    @DisplayName("Provided: the model refuses to be used off the event dispatch thread")
    void onlyOnTheEventThread() {
        assertThatThrownBy(() -> model.apply(ServerLine.chat("bob", "hi"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invokeLater");
        assertThatThrownBy(model::online).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Tag("provided")
    @DisplayName("Provided: disconnected() clears who is online and says why")
    void disconnected() {
        Edt.run(() -> {
            model.connecting("127.0.0.1", 5000);
            assertThat(model.status()).isEqualTo(ChatModel.Status.CONNECTING);
            model.disconnected("Could not connect.");
            assertThat(model.status()).isEqualTo(ChatModel.Status.DISCONNECTED);
            assertThat(model.statusText()).isEqualTo("Could not connect.");
            assertThat(model.online()).isEqualTo(List.of());
        });
    }
}
