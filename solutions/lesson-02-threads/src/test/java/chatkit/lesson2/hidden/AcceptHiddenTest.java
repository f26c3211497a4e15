// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson2.hidden;

import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.ChatServer;
import chatkit.testkit.Background;
import chatkit.lesson2.testkit.ChatUser;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import chatkit.lesson2.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
@Tag("step-1")
class AcceptHiddenTest {

    @RepeatedTest(3)
    @DisplayName("Step 1: a random number of clients, all connected before any reads, are all greeted")
    void manyClientsAtOnce(Random random) throws Exception {
        int count = 5 + random.nextInt(26);
        List<TestPeer> clients = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            for (int i = 0; i < count; i++) {
                clients.add(TestPeer.connectTo(server.port()));
            }
            for (int i = 0; i < count; i++) {
                assertThat(ChatUser.greeting(clients.get(i), "Client " + (i + 1) + " of " + count))
                        .as("Step 1: the first line of client %d of %d", i + 1, count)
                        .startsWith(ChatUser.HELLO);
            }
        } finally {
            for (TestPeer client : clients) {
                client.close();
            }
        }
    }

    @Test
    @DisplayName("Step 1: a client that resets the connection at once does not stop the server")
    void aResetDoesNotStopTheAcceptLoop() throws Exception {
        try (TestServer server = TestServer.start()) {
            TestPeer.connectTo(server.port()).resetAbruptly();
            TestPeer.connectTo(server.port()).close();

            try (TestPeer next = TestPeer.connectTo(server.port())) {
                assertThat(ChatUser.greeting(next, "A client after two that left at once"))
                        .as("Step 1: the first line of a client after two that left at once")
                        .startsWith(ChatUser.HELLO);
            }
        }
    }

    @Test
    @DisplayName("Step 1: a client in the middle of a line does not hold up the next client")
    void halfALineHoldsUpNobody() throws Exception {
        try (TestServer server = TestServer.start();
             TestPeer first = TestPeer.connectTo(server.port())) {
            assertThat(ChatUser.greeting(first, "The first client")).startsWith(ChatUser.HELLO);
            first.sendBytes("ali".getBytes(java.nio.charset.StandardCharsets.UTF_8)); // no '\n' yet

            try (TestPeer second = TestPeer.connectTo(server.port())) {
                assertThat(ChatUser.greeting(second, "The second client"))
                        .as("Step 1: the second client's first line").startsWith(ChatUser.HELLO);
            }
        }
    }

    @Test
    @DisplayName("Step 1: the server program greets clients, and /quit at its console disconnects them and stops it")
    void theServerProgramStopsOnQuit() throws Exception {
        Screen out = new Screen();
        Screen err = new Screen();
        ScriptedKeyboard keyboard = new ScriptedKeyboard(out);
        Background<Integer> program = Background.start("server program", () ->
                ChatServer.run(new String[] {"--port", "0"}, keyboard.reader(), out.writer(), err.writer()));
        out.awaitText(" port ");
        Matcher port = Pattern.compile("port (\\d+)").matcher(out.text());
        assertThat(port.find()).as("the server program prints its port: %s", out.text()).isTrue();

        try (TestPeer client = TestPeer.connectTo(Integer.parseInt(port.group(1)))) {
            assertThat(ChatUser.greeting(client, "The client")).startsWith(ChatUser.HELLO);

            keyboard.type("/quit");

            // (With step 4 done the client reads "* BYE ..." first; closed is what step 1 can promise.)
            assertThat(client.closedByOtherSide()).as("Step 1: a client's connection after /quit at the server's"
                    + " console").isTrue();
            assertThat(program.await(TestPeer.WAIT)).as("Step 1: the server program's exit code after /quit").isZero();
            assertThat(err.text()).as("Step 1: error output of the server program").isEmpty();
        }
    }
}
