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
        window.textBox("nickname").enterText("alice");
        window.button("connect").click();
        assertThat(server.acceptAndWelcome(1)).isEqualTo("alice");
        eventually(() -> window.label("status").requireText(Pattern.compile(".*Connected as alice.*")));
        assertThat(server.nextLine()).isEqualTo("/list");
        server.send("* ONLINE alice bob");
        eventually(() -> window.list("online").requireItemCount(2));

        server.send("<bob> hi alice, ça va? 🙂");
        eventually(() -> assertThat(window.textBox("conversation").text()).contains("bob: hi alice, ça va? 🙂"));

        window.textBox("input").enterText("très bien");
        window.textBox("input").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        assertThat(server.nextLineExceptList()).isEqualTo("très bien");
        eventually(() -> assertThat(window.textBox("conversation").text()).contains("alice: très bien"));

        window.list("online").selectItem("bob");
        window.textBox("input").enterText("psst");
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
        window.textBox("port").deleteText().enterText(String.valueOf(closedPort));
        window.textBox("nickname").enterText("alice");
        window.button("connect").click();

        eventually(() -> window.label("status").requireText(Pattern.compile("Could not connect.*")));
        window.textBox("nickname").requireEnabled().deleteText().enterText("bob");
        window.button("connect").requireEnabled();
    }

    @Test
    @DisplayName("Window: the server going away is shown, and the window connects again")
    void serverGoesAway() throws Exception {
        window.textBox("nickname").enterText("alice");
        window.button("connect").click();
        server.acceptAndWelcome(0);
        eventually(() -> window.label("status").requireText(Pattern.compile(".*Connected as alice.*")));

        server.client().close();

        eventually(() -> window.label("status").requireText(Pattern.compile("Disconnected.*")));
        window.button("connect").click();
        server.acceptAndWelcome(0);
        eventually(() -> window.label("status").requireText(Pattern.compile(".*Connected as alice.*")));
    }
}
