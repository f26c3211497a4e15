package chatkit.lesson2.testkit;

import chatkit.testkit.Background;
import chatkit.testkit.StepTimeouts;
import chatkit.testkit.TestPeer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat user played by the test, over a real connection: it joins like a real client (waits
 * for the server's hello, sends its nickname, waits for the welcome) and then reads and sends
 * lines, every wait bounded.
 *
 * "Did not arrive" is never shown by waiting a while and seeing nothing: {@link #linesBeforeAnswer()}
 * asks the server something (/list) and returns what came before the answer. The server handles
 * one client's lines in order, so anything it sent before answering is there.
 */
public final class ChatUser implements AutoCloseable {

    /** The start of the server's first line on every connection. */
    public static final String HELLO = "* HELLO ";
    /** The start of the answer to /list. */
    public static final String ONLINE = "* ONLINE";

    /** How long a failing test waits for a background failure that explains it better. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private final TestPeer peer;
    private String nickname;

    private ChatUser(TestPeer peer) {
        this.peer = peer;
    }

    /** Connects to a chat server on 127.0.0.1 and {@code port}, and joins as {@code nickname}. */
    public static ChatUser join(int port, String nickname) throws IOException {
        ChatUser user = new ChatUser(TestPeer.connectTo(port));
        try {
            user.expectHello();
            user.joinAs(nickname);
            return user;
        } catch (IOException | RuntimeException | Error e) {
            user.close();
            throw e;
        }
    }

    /** A user on this connection who has not joined yet (the server's hello is still to come). */
    public static ChatUser on(TestPeer peer) {
        return new ChatUser(peer);
    }

    /** Reads the server's first line and checks that it is the hello. */
    public void expectHello() throws IOException {
        String first = read("the server's first line, \"" + HELLO.strip() + " ...\"", HELLO_HINT);
        if (first == null || !first.startsWith(HELLO)) {
            throw failure("the server's first line should start with \"" + HELLO + "\", but it was "
                    + quote(first));
        }
    }

    /**
     * The next line, or a failure that says who waited for what. (The shared test peer's "was it
     * sent with a '\n', and flushed?" is lesson 1's question: here the provided Connection ends and
     * flushes every line, so the question is whether the code that should send it ran at all.)
     * Still a time-out of the step (StepTimeouts): its other tests would wait for the same.
     */
    private String read(String waitingFor, String hint) throws IOException {
        return read(peer, nickname == null ? "A new client" : nickname, waitingFor, hint);
    }

    private static String read(TestPeer peer, String who, String waitingFor, String hint) throws IOException {
        try {
            return peer.readLine();
        } catch (StepTimeouts.Hang nothingCame) {
            String what = nothingCame.getMessage().replace(": was it sent with a '\\n', and flushed?", "");
            // The hint first, where the thread was after it: a report cuts long messages short.
            int meanwhile = what.indexOf(" (meanwhile");
            String where = meanwhile < 0 ? "" : what.substring(meanwhile);
            what = meanwhile < 0 ? what : what.substring(0, meanwhile);
            throw new StepTimeouts.Hang(who + " waited for " + waitingFor + ", and " + what + "." + hint + where);
        }
    }

    /**
     * A client's first line, the server's hello, read on {@code client} (named {@code who} in a
     * failure). If none comes, the failure says why that may be: the client was not accepted, or
     * not given a thread of its own.
     */
    public static String greeting(TestPeer client, String who) throws IOException {
        return read(client, who, "the server's first line, \"" + HELLO.strip() + " ...\"", HELLO_HINT);
    }

    private static final String HELLO_HINT = " Was this client accepted, and given a thread of its own? If the accept"
            + " loop still runs an earlier client's conversation (run() instead of start(), or no thread at all), or"
            + " accept() is not in a loop, nobody else is greeted.";

    /** Sends {@code name} as the nickname and waits for "* WELCOME name ..."; fails on an error instead. */
    public void joinAs(String name) throws IOException {
        peer.sendLine(name);
        String welcome = "* WELCOME " + name;
        List<String> before = new ArrayList<>();
        while (true) {
            String line = read("\"" + welcome + " ...\" after sending the nickname", "");
            if (line == null) {
                throw failure(name + " sent the nickname, and the server closed the connection instead of"
                        + " \"" + welcome + " ...\"" + after(before));
            }
            if (line.equals(welcome) || line.startsWith(welcome + " ")) {
                nickname = name;
                return;
            }
            if (line.startsWith("* ERROR")) {
                throw new AssertionError(name + " sent the nickname \"" + name + "\" and got \"" + line
                        + "\" instead of \"" + welcome + " ...\"");
            }
            before.add(line);
        }
    }

    public String nickname() {
        return nickname;
    }

    /** Sends one line, as if typed into nc. */
    public void say(String line) throws IOException {
        peer.sendLine(line);
    }

    /** The next line from the server (bounded wait); null if the server closed the connection. */
    public String nextLine() throws IOException {
        return read("a line from the server", "");
    }

    /** The next line that is not a server notice ("* ..."), skipping notices on the way. */
    public String nextChatLine() throws IOException {
        while (true) {
            String line = read("a chat line from the server", "");
            if (line == null || !line.startsWith("* ")) {
                return line;
            }
        }
    }

    /** The next line that starts with {@code prefix}, skipping others; fails if the connection closes first. */
    public String nextLineStartingWith(String prefix) throws IOException {
        List<String> skipped = new ArrayList<>();
        while (true) {
            String line = read("a line starting with \"" + prefix + "\"", "");
            if (line == null) {
                throw failure(nickname + " waited for a line starting with \"" + prefix
                        + "\", but the server closed the connection" + after(skipped));
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            skipped.add(line);
        }
    }

    /**
     * Sends /list and returns every line that arrived before its answer ("* ONLINE ..."): the
     * lines the server had sent this user so far. Needs /list to work (step 6).
     */
    public List<String> linesBeforeAnswer() throws IOException {
        peer.sendLine("/list");
        List<String> before = new ArrayList<>();
        while (true) {
            String line = read("the answer to /list, \"" + ONLINE + " ...\"", "");
            if (line == null) {
                throw failure(nickname + " sent /list, and the server closed the connection before \""
                        + ONLINE + " ...\"" + after(before));
            }
            if (line.startsWith(ONLINE)) {
                return before;
            }
            before.add(line);
        }
    }

    /** The nicknames in the answer to /list. Needs step 6. */
    public List<String> online() throws IOException {
        peer.sendLine("/list");
        String answer = nextLineStartingWith(ONLINE);
        String names = answer.substring(ONLINE.length()).strip();
        return names.isEmpty() ? List.of() : List.of(names.split(" "));
    }

    /** True once the server has closed this user's connection (bounded wait; lines on the way are skipped). */
    public boolean closedByServer() throws IOException {
        return peer.closedByOtherSide();
    }

    public TestPeer peer() {
        return peer;
    }

    /** Vanishes without /quit: a connection reset, as when a laptop lid closes or a program crashes. */
    public void vanish() throws IOException {
        peer.resetAbruptly();
    }

    /** Leaves without /quit by closing the connection normally: the server reads the end of the stream. */
    public void hangUp() throws IOException {
        peer.close();
    }

    /** Leaves without /quit, the one way or the other: "reset" or "hang up". */
    public void leaveWithoutQuit(String how) throws IOException {
        if (how.equals("reset")) {
            vanish();
        } else {
            hangUp();
        }
    }

    @Override
    public void close() throws IOException {
        peer.close();
    }

    /** Fails with {@code message}, unless a background failure (an unfinished TODO, say) explains it better. */
    private static AssertionError failure(String message) {
        Background.rethrowAnyFailureWithin(GRACE);
        return new AssertionError(message);
    }

    private static String after(List<String> lines) {
        return lines.isEmpty() ? "" : " (lines before that: " + lines + ")";
    }

    private static String quote(String line) {
        return line == null ? "nothing: the server closed the connection" : "\"" + line + "\"";
    }
}
