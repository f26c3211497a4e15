// @kit:instructor-only real-window tests - never copy into the student edition
package chatkit.lesson3.window;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson3.ChatWindow;
import chatkit.testkit.Background;
import chatkit.lesson3.testkit.ScriptedServer;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.swing.JFrame;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reference chat window in a real window, driven with the mouse and keyboard by AssertJ
 * Swing's robot. Needs a display: CI runs the build under {@code xvfb-run}; without a display
 * these tests are skipped with a notice. AssertJ Swing's thread check is on for the whole class:
 * a Swing component touched off the event dispatch thread fails the test.
 *
 * <p>The form's fields are filled with setText, at once, on the event thread. Typed key by key at
 * the robot's human pace, filling them took most of these tests' 21 s; and the 'è' of "très",
 * which has no key of its own, is posted straight into the event queue, where it can overtake the
 * key typed before it through the display server (it did, on JDK 25). Typing itself is tested
 * where it matters: focusFollowsTheChat types into the message field and presses Enter.
 */
@ExtendWith(StepMessages.class)
@Tag("window")
class ChatWindowTest {

    private ScriptedServer server;
    private FrameFixture window;

    @BeforeAll
    static void needsADisplay() {
        boolean linuxWithoutDisplay = System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getenv("DISPLAY") == null;
        if (linuxWithoutDisplay || GraphicsEnvironment.isHeadless()) {
            String notice = "[window tests] no display here: the real-window tests of lesson 3 are skipped."
                    + " Run them with: xvfb-run -a ./mvnw test (CI does).";
            System.out.println(notice);
            Assumptions.abort(notice);
        }
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void openWindow() throws Exception {
        server = ScriptedServer.start();
        JFrame frame = GuiActionRunner.execute(() -> ChatWindow.open("127.0.0.1", server.port()));
        window = new FrameFixture(frame);
        window.show();
    }

    @AfterEach
    void closeWindow() throws Exception {
        window.cleanUp();
        server.close();
        Background.rethrowAnyFailure(); // a thread violation on another thread, say
    }

    private static void eventually(ThrowingRunnable check) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                .failFast((ThrowingRunnable) Background::rethrowAnyFailure).untilAsserted(check);
    }

    @Test
    @DisplayName("Window: connect with the form, chat both ways, send a private message, disconnect")
    void aWholeChat() throws Exception {
        window.textBox("nickname").setText("alice");
        window.button("connect").click();
        assertThat(server.acceptAndWelcome(1)).isEqualTo("alice");
        eventually(() -> window.label("status").requireText(Pattern.compile(".*Connected as alice.*")));
        assertThat(server.nextLine()).isEqualTo("/list");
        server.send("* ONLINE alice bob");
        eventually(() -> window.list("online").requireItemCount(2));

        server.send("<bob> hi alice, ça va? 🙂");
        eventually(() -> assertThat(window.textBox("conversation").text()).contains("bob: hi alice, ça va? 🙂"));

        window.textBox("input").setText("très bien");
        window.textBox("input").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        assertThat(server.nextLineExceptList()).isEqualTo("très bien");
        eventually(() -> assertThat(window.textBox("conversation").text()).contains("alice: très bien"));

        window.list("online").selectItem("bob");
        window.textBox("input").setText("psst");
        window.button("privateTo").click();
        assertThat(server.nextLineExceptList()).isEqualTo("/msg bob psst");

        window.button("disconnect").click();
        assertThat(server.nextLineExceptList()).isEqualTo("/quit");
        eventually(() -> window.label("status").requireText(Pattern.compile("Disconnected.*")));
        window.button("connect").requireEnabled();
    }

    @Test
    @DisplayName("Window: a refused connection is shown in the status line; the window stays usable")
    void refusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket probe = TestPeer.listenOnAnyPort()) {
            closedPort = probe.getLocalPort();
        }
        window.textBox("port").setText(String.valueOf(closedPort));
        window.textBox("nickname").setText("alice");
        window.button("connect").click();

        eventually(() -> window.label("status").requireText(Pattern.compile("Could not connect.*")));
        window.textBox("nickname").requireEnabled().setText("bob");
        window.button("connect").requireEnabled();
    }

    @Test
    @DisplayName("Window: the server going away is shown, and the window connects again")
    void serverGoesAway() throws Exception {
        window.textBox("nickname").setText("alice");
        window.button("connect").click();
        server.acceptAndWelcome(0);
        eventually(() -> window.label("status").requireText(Pattern.compile(".*Connected as alice.*")));

        server.client().close();

        eventually(() -> window.label("status").requireText(Pattern.compile("Disconnected.*")));
        window.button("connect").click();
        server.acceptAndWelcome(0);
        eventually(() -> window.label("status").requireText(Pattern.compile(".*Connected as alice.*")));
    }

    /** Connects as {@code nickname}, is welcomed, and answers the window's /list. */
    private void joinAs(String nickname) throws Exception {
        window.textBox("nickname").setText(nickname);
        window.button("connect").click();
        assertThat(server.acceptAndWelcome(1)).isEqualTo(nickname);
        assertThat(server.nextLine()).isEqualTo("/list");
        server.send("* ONLINE " + nickname + " bob");
        eventually(() -> window.list("online").requireItemCount(2));
    }

    @Test
    @DisplayName("Window: after a taken nickname, Connect says \"Try nickname\" and Disconnect stays in sight")
    void takenNicknameKeepsTheFormInSight() throws Exception {
        window.textBox("nickname").setText("alice");
        window.button("connect").click();
        server.acceptClient();
        server.send("* HELLO Welcome! Type a nickname and press Enter.");
        assertThat(server.nextLine()).isEqualTo("alice");
        server.send("* ERROR The nickname alice is taken. Try another one.");

        eventually(() -> window.button("connect").requireText("Try nickname"));
        // At the window's own size (nobody widened it), Disconnect is drawn whole: inside its row,
        // and each container inside the next (a wrapped FlowLayout row is cut off by its panel).
        eventually(() -> assertThat(GuiActionRunner.execute(() -> cutOff(window.button("disconnect").target())))
                .as("Disconnect is cut off at the window's own size").isEmpty());
        window.button("disconnect").requireEnabled();
    }

    @Test
    @DisplayName("Window: once welcomed, typing goes to the message field; Enter sends; focus stays there")
    void focusFollowsTheChat() throws Exception {
        joinAs("alice");
        window.textBox("input").requireFocused();

        window.textBox("input").enterText("one");
        window.textBox("input").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        assertThat(server.nextLine()).isEqualTo("one");

        window.textBox("input").enterText("two");
        window.button("send").click();
        assertThat(server.nextLine()).isEqualTo("two");
        window.textBox("input").requireFocused();
    }

    @Test
    @DisplayName("Window: a form complaint goes once the next thing works; only one message at a time")
    void complaintsDoNotLinger() throws Exception {
        joinAs("alice");
        window.textBox("input").setText("psst");
        window.button("privateTo").click();
        window.label("formError").requireText("Select someone in the Online list first.");

        window.list("online").selectItem("bob");
        window.button("privateTo").click();
        assertThat(server.nextLine()).isEqualTo("/msg bob psst");
        window.label("formError").requireText(" ");

        window.button("privateTo").click(); // nothing typed: nothing sent, no complaint either
        window.list("online").clearSelection();
        window.textBox("input").setText("again");
        window.button("privateTo").click();
        window.label("formError").requireText("Select someone in the Online list first.");
        server.client().close();
        eventually(() -> window.label("status").requireText(Pattern.compile("Disconnected.*")));
        window.label("formError").requireText(" ");
    }

    @Test
    @DisplayName("Window: the title says who you are; /nick renames you in the title, the status line and the form")
    void nickRenamesYouEverywhere() throws Exception {
        joinAs("alice");
        eventually(() -> window.requireTitle("alice - " + ChatWindow.TITLE));
        server.send("* NICK alice ally");
        eventually(() -> window.label("status").requireText("Connected as ally."));
        window.textBox("nickname").requireText("ally");
        window.requireTitle("ally - " + ChatWindow.TITLE);
    }

    @Test
    @DisplayName("Window: the server's \"type a nickname\" is not shown (the form sent it); a reconnection is marked")
    void conversationShowsWhatMatters() throws Exception {
        joinAs("alice");
        server.send("<bob> hi");
        eventually(() -> assertThat(window.textBox("conversation").text()).contains("bob: hi"));
        assertThat(window.textBox("conversation").text()).doesNotContain("Type a nickname");

        window.button("disconnect").click();
        eventually(() -> window.label("status").requireText(Pattern.compile("Disconnected.*")));
        window.button("connect").click();
        server.acceptAndWelcome(0);
        eventually(() -> assertThat(window.textBox("conversation").text())
                .containsPattern("(?s)bob: hi\\R.*---- connecting again to 127\\.0\\.0\\.1 port \\d+ ----\\R"));
    }

    /** The first container that cuts {@code component} (or a container around it) off, or "" if none. */
    private static String cutOff(java.awt.Component component) {
        for (java.awt.Component c = component; c.getParent() != null && !(c instanceof JFrame); c = c.getParent()) {
            java.awt.Rectangle inside = new java.awt.Rectangle(0, 0, c.getParent().getWidth(), c.getParent().getHeight());
            if (!inside.contains(c.getBounds())) {
                return c.getName() + " " + c.getBounds() + " is outside its container " + inside;
            }
        }
        return "";
    }
}
