// @kit:instructor-only tests of provided code with the reference - never copy into the student edition
package chatkit.lesson2.reference;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.testkit.ChatUser;
import chatkit.lesson2.testkit.TestServer;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.util.ArrayList;
import java.util.List;
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
}
