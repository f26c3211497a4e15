package chatkit.lesson3.testkit;

import chatkit.testkit.StepTimeouts;
import chatkit.testkit.TestPeer;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * A tiny chat server that the test scripts line by line, over a real connection on 127.0.0.1: it
 * speaks the lesson 2 protocol (docs/protocol.md) only as far as the test makes it. So the
 * lesson stands alone: no lesson 2 server is needed to test the window.
 */
public final class ScriptedServer implements AutoCloseable {

    private final ServerSocket listener;
    private TestPeer client;

    private ScriptedServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens on 127.0.0.1 and a free port. */
    public static ScriptedServer start() throws IOException {
        return new ScriptedServer(TestPeer.listenOnAnyPort());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits (bounded) for the window or session to connect; returns the test's end of that connection. */
    public TestPeer acceptClient() throws IOException {
        client = TestPeer.acceptFrom(listener);
        return client;
    }

    /**
     * Plays the server's side of joining: accepts the client, says hello, reads the nickname it
     * sends, and welcomes it. Returns the nickname.
     */
    public String acceptAndWelcome(int othersOnline) throws IOException {
        acceptClient();
        client.sendLine("* HELLO Welcome to the chat! Type a nickname and press Enter.");
        String nickname = lineFromClient();
        if (nickname == null) {
            throw new AssertionError("the client closed the connection instead of sending a nickname");
        }
        client.sendLine("* WELCOME " + nickname + " - you are in. " + (othersOnline + 1) + " online.");
        return nickname;
    }

    /** The test's end of the current connection. */
    public TestPeer client() {
        return client;
    }

    /** Sends one protocol line to the client. */
    public void send(String line) throws IOException {
        client.sendLine(line);
    }

    /** The next line the client sent (bounded wait). */
    public String nextLine() throws IOException {
        return lineFromClient();
    }

    /** The next line the client sent that is not /list (the window asks for it by itself). */
    public String nextLineExceptList() throws IOException {
        String line;
        do {
            line = lineFromClient();
        } while ("/list".equals(line));
        return line;
    }

    /**
     * The client's next line (bounded wait). When none comes because the window's event thread is
     * stuck in the lesson's code, says that instead of "no line arrived".
     */
    private String lineFromClient() throws IOException {
        try {
            return client.readLine();
        } catch (StepTimeouts.Hang nothing) {
            String waitingIn = EventThreadStack.waitingInLessonCode();
            if (waitingIn == null) {
                throw nothing;
            }
            throw new StepTimeouts.Hang("The server got no line from the window, because the window's event thread is"
                    + " stuck: it waits in " + waitingIn + ". " + Edt.NEVER_WAIT);
        }
    }

    @Override
    public void close() throws IOException {
        if (client != null) {
            client.close();
        }
        listener.close();
    }
}
