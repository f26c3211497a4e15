package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.testkit.ChatUser;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import chatkit.lesson2.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Step 1: the accept loop, over real connections on this computer (127.0.0.1). The server's
 * hello comes from provided code on the client's thread, so a client that gets it has been
 * accepted and has a thread of its own.
 */
@ExtendWith(StepMessages.class)
class ChatServerTest {

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: a client that connects gets the server's hello")
    void aClientIsAcceptedAndGreeted() throws Exception {
        try (TestServer server = TestServer.start();
             TestPeer client = TestPeer.connectTo(server.port())) {
            assertThat(ChatUser.greeting(client, "A new client"))
                    .as("Step 1: the first line a new client reads (does acceptClients() start"
                            + " a Thread running handlerFor(socket)?)").startsWith(ChatUser.HELLO);
        }
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: a second client is greeted while the first one still says nothing")
    void aSecondClientDoesNotWaitForTheFirst() throws Exception {
        try (TestServer server = TestServer.start();
             TestPeer first = TestPeer.connectTo(server.port())) {
            assertThat(ChatUser.greeting(first, "The first client")).startsWith(ChatUser.HELLO);
            // The first client now sits at the nickname prompt and never answers.
            try (TestPeer second = TestPeer.connectTo(server.port())) {
                assertThat(ChatUser.greeting(second, "The second client"))
                        .as("Step 1: the second client's first line, while the first client"
                                + " is silent (each client needs a thread of its own: start it, do not call run())")
                        .startsWith(ChatUser.HELLO);
            }
        }
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: the server keeps accepting: ten clients, one after the other, are all greeted")
    void theAcceptLoopKeepsGoing() throws Exception {
        List<TestPeer> clients = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            for (int i = 1; i <= 10; i++) {
                TestPeer client = TestPeer.connectTo(server.port());
                clients.add(client);
                assertThat(ChatUser.greeting(client, "Client " + i + " of 10"))
                        .as("Step 1: the first line of client %d of 10 (accept in a loop)", i)
                        .startsWith(ChatUser.HELLO);
            }
            assertThat(server.acceptLoop().isDone()).as("Step 1: acceptClients() returned while the server was"
                    + " still running (it should loop until the server is closed)").isFalse();
        } finally {
            for (TestPeer client : clients) {
                client.close();
            }
        }
    }

    @Test
    @Tag("step-1")
    @DisplayName("Step 1: closing the server ends acceptClients()")
    void closingTheServerEndsTheAcceptLoop() throws Exception {
        TestServer server = TestServer.start();
        try (TestPeer client = TestPeer.connectTo(server.port())) {
            assertThat(ChatUser.greeting(client, "The client")).startsWith(ChatUser.HELLO);
        }

        server.close();

        // TestServer counts the exception accept() throws once the server is closed as a normal end.
        server.acceptLoop().await(TestPeer.WAIT);
    }
}
