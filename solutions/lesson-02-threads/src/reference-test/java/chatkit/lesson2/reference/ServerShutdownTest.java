// @kit:instructor-only tests of provided code with the reference - never copy into the student edition
package chatkit.lesson2.reference;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.testkit.ChatUser;
import chatkit.lesson2.testkit.TestServer;
import chatkit.lesson2.ChatServer;
import chatkit.testkit.Background;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provided ChatServer.close(), with the reference's steps done (it needs a working accept
 * loop, so it cannot run against the starter). Not graded: it has no step.
 */
@ExtendWith(StepMessages.class)
@Tag("provided")
class ServerShutdownTest {

    @Test
    @DisplayName("Provided: close() returns once every client's goodbye has left (the program exits right after it)")
    void closeSendsTheGoodbyesBeforeItReturns() throws Exception {
        List<TestPeer> clients = new ArrayList<>();
        TestServer server = TestServer.start();
        try {
            for (int i = 1; i <= 5; i++) {
                TestPeer client = TestPeer.connectTo(server.port());
                clients.add(client);
                assertThat(client.readLine()).startsWith(ChatUser.HELLO);
            }

            server.close(); // what /quit at the server's console does, just before the program exits

            for (int i = 0; i < clients.size(); i++) {
                // Asked at once, with no waiting: on this computer a line that was sent is already at
                // the other end. A goodbye still queued when close() returns dies with the program
                // (before the fix: one window in three missed the goodbye of a server's /quit).
                assertThat(clients.get(i).hasBytesWaiting())
                        .as("client %d of 5 had its goodbye when close() returned", i + 1).isTrue();
            }
            for (TestPeer client : clients) {
                assertThat(client.readLine()).as("the goodbye").startsWith("* BYE ");
            }
        } finally {
            server.close();
            for (TestPeer client : clients) {
                client.close();
            }
        }
    }

    @Test
    @DisplayName("Provided: after /quit at the server's console, the program ends only once the goodbyes have left")
    void quitAtTheConsoleSendsTheGoodbyesBeforeTheProgramEnds() throws Exception {
        Screen out = new Screen();
        Screen err = new Screen();
        ScriptedKeyboard keyboard = new ScriptedKeyboard(out);
        Background<Integer> program = Background.start("server program",
                () -> ChatServer.run(new String[] {"--port", "0"}, keyboard.reader(), out.writer(), err.writer()));
        out.awaitText("Type /quit here to stop it.");
        Matcher listening = Pattern.compile("port (\\d+)").matcher(out.text());
        assertThat(listening.find()).as("the port in: %s", out.text()).isTrue();
        int port = Integer.parseInt(listening.group(1));
        List<TestPeer> clients = new ArrayList<>();
        try {
            for (int i = 1; i <= 5; i++) {
                TestPeer client = TestPeer.connectTo(port);
                clients.add(client);
                assertThat(client.readLine()).startsWith(ChatUser.HELLO);
            }

            keyboard.type("/quit");

            // run() returning is where the real program exits (System.exit): every goodbye must
            // be out by then. (Before: the accept thread's return raced the console's close().)
            assertThat(program.await(TestPeer.WAIT)).as("the server program's exit code").isZero();
            for (int i = 0; i < clients.size(); i++) {
                assertThat(clients.get(i).hasBytesWaiting())
                        .as("client %d of 5 had its goodbye when the program ended", i + 1).isTrue();
            }
        } finally {
            for (TestPeer client : clients) {
                client.close();
            }
        }
    }
}
