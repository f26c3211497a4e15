package chatkit.lesson3;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson3.testkit.Edt;
import chatkit.lesson3.testkit.ScriptedServer;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.List;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTextField;
import javax.swing.JTextPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole window's contents (a {@link ChatPanel}, no frame: the tests run without a screen),
 * driven through its named components on the event thread, against a scripted server over a real
 * connection on this computer.
 */
@ExtendWith(StepMessages.class)
class ChatPanelTest {

    private final ScriptedServer server = startServer();
    private final ChatPanel panel = Edt.call(() -> new ChatPanel(new ChatModel(), "127.0.0.1", server.port()));

    @AfterEach
    void close() throws Exception {
        try {
            Edt.run(() -> find("disconnect", JButton.class).doClick());
        } finally {
            server.close(); // also when the event thread is stuck: the end of the connection may free it
        }
    }

    private <T extends java.awt.Component> T find(String name, Class<T> type) {
        return Edt.find(panel, name, type);
    }

    private void type(String field, String text) {
        JTextField component = find(field, JTextField.class);
        Edt.run(() -> component.setText(text));
    }

    private void click(String button) {
        JButton component = find(button, JButton.class);
        Edt.run(component::doClick);
    }

    private String text(String label) {
        JLabel component = find(label, JLabel.class);
        return Edt.call(component::getText);
    }

    private String conversation() {
        JTextPane pane = find("conversation", JTextPane.class);
        return Edt.call(pane::getText);
    }

    @SuppressWarnings("unchecked")
    private List<String> online() {
        JList<String> list = find("online", JList.class);
        return Edt.call(() -> Collections.list(((DefaultListModel<String>) list.getModel()).elements()));
    }

    /** Fills the form, presses Connect, and plays the server's hello and welcome. */
    private void connectAs(String nickname) throws Exception {
        type("nickname", nickname);
        click("connect");
        assertThat(server.acceptAndWelcome(0)).as("the nickname the window sent").isEqualTo(nickname);
    }

    @Test
    @Tag("provided")
    @DisplayName("Provided: the form refuses a bad port or nickname, in words, without connecting")
    void formValidation() {
        type("port", "80000");
        type("nickname", "alice");
        click("connect");
        assertThat(text("formError")).contains("port");

        type("port", String.valueOf(server.port()));
        type("nickname", "two words");
        click("connect");
        assertThat(text("formError")).contains("nickname");
        assertThat(text("status")).isEqualTo("Not connected.");
    }

    @Test
    @Tag("provided")
    @DisplayName("Provided: a refused connection is shown in the status line, and the window stays usable")
    void refusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket probe = TestPeer.listenOnAnyPort()) {
            closedPort = probe.getLocalPort();
        }
        type("port", String.valueOf(closedPort));
        type("nickname", "alice");

        click("connect");

        Edt.await("the status line after a refused connection", () -> assertThat(text("status"))
                .contains("Could not connect").contains(String.valueOf(closedPort)));
        assertThat(Edt.call(() -> find("connect", JButton.class).isEnabled())).as("Connect can be pressed again").isTrue();
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: the window connects, is welcomed, and fills the online list")
    void connectsAndShowsWhoIsOnline() throws Exception {
        connectAs("alice");

        Edt.await("the status line once welcomed", () -> assertThat(text("status")).contains("alice"));
        assertThat(server.nextLine()).as("the window asks who is online after the welcome").isEqualTo("/list");
        server.send("* ONLINE alice bob");
        Edt.await("the online list", () -> assertThat(online()).containsExactly("alice", "bob"));
        server.send("* JOIN carol joined the chat");
        Edt.await("the online list after a join", () -> assertThat(online()).containsExactly("alice", "bob", "carol"));
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: lines from others appear; what you type is sent with Enter and shown")
    void chatBothWays() throws Exception {
        connectAs("alice");
        server.send("<bob> hi alice, ça va? 🙂");
        Edt.await("the conversation", () -> assertThat(conversation()).contains("bob: hi alice, ça va? 🙂"));

        type("input", "très bien");
        JTextField input = find("input", JTextField.class);
        Edt.run(input::postActionEvent); // Enter in the input field

        assertThat(server.nextLineExceptList()).as("what the server receives").isEqualTo("très bien");
        Edt.await("your own line in the conversation", () -> assertThat(conversation()).contains("alice: très bien"));
        assertThat(Edt.<String>call(input::getText)).as("the input field after sending").isEmpty();
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: a private message goes to the one selected in the online list")
    void privateToSelected() throws Exception {
        connectAs("alice");
        server.send("* ONLINE alice bob");
        Edt.await("the online list", () -> assertThat(online()).contains("bob"));
        @SuppressWarnings("unchecked")
        JList<String> list = find("online", JList.class);
        Edt.run(() -> list.setSelectedValue("bob", false));
        type("input", "psst");

        click("privateTo");

        assertThat(server.nextLineExceptList()).isEqualTo("/msg bob psst");
        server.send("[alice -> bob] psst");
        Edt.await("the receipt in the conversation", () -> assertThat(conversation()).contains("(private) alice to bob: psst"));
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: a taken nickname is shown at the form, and another one can be tried")
    void nicknameClash() throws Exception {
        type("nickname", "alice");
        click("connect");
        server.acceptClient();
        server.send("* HELLO Welcome!");
        assertThat(server.nextLine()).isEqualTo("alice");
        server.send("* ERROR The nickname alice is taken. Try another:");
        Edt.await("the form's error line", () -> assertThat(text("formError")).contains("taken"));

        type("nickname", "alice2");
        click("connect");

        assertThat(server.nextLine()).as("the second nickname, on the same connection").isEqualTo("alice2");
        server.send("* WELCOME alice2 - in");
        Edt.await("the status line", () -> assertThat(text("status")).contains("alice2"));
    }

    @Test
    @Tag("step-5")
    @DisplayName("Step 5: when the server goes away, the window says so and can connect again")
    void serverGoesAway() throws Exception {
        connectAs("alice");
        Edt.await("connected", () -> assertThat(text("status")).contains("alice"));

        server.client().close();

        Edt.await("the status line after the server went away", () -> assertThat(text("status")).contains("Disconnected"));
        assertThat(Edt.call(() -> find("connect", JButton.class).isEnabled())).isTrue();
        connectAs("alice");
        Edt.await("connected again", () -> assertThat(text("status")).contains("alice"));
    }

    private static ScriptedServer startServer() {
        try {
            return ScriptedServer.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
