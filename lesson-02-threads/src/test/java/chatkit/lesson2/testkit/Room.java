package chatkit.lesson2.testkit;

import chatkit.testkit.Background;
import chatkit.testkit.StepTimeouts;
import chatkit.testkit.TestPeer;
import chatkit.lesson2.ChatLines;
import chatkit.lesson2.ClientHandler;
import chatkit.lesson2.ClientRegistry;
import chatkit.lesson2.Connection;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/**
 * A chat room without the server's accept loop: one {@link ClientRegistry}, and for each user a
 * real connection on 127.0.0.1 whose server end runs your {@link ClientHandler} on a
 * {@link Background} thread, exactly as the server would. So the steps about the handler can be
 * tested before step 1 is done.
 *
 * {@link #upToNickname()} runs only the start of each handler (hello, then your
 * registerNickname()) and keeps the connection open: the tests of step 4 use it, so they do not
 * depend on chat() (step 5), which the whole handler runs next.
 */
public final class Room implements AutoCloseable {

    /**
     * A marker line (a "sentinel") the test sends last: whatever a user reads before it was sent
     * before it. Failure messages show it, so it says in plain words what it is.
     */
    public static final String SENTINEL = "(the test's last line)";

    private final ClientRegistry registry = new ClientRegistry();
    private final ServerSocket listener;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Connection outsider;
    private final boolean wholeConversation;
    /** Each user's handler: the server end it reads from, and its thread. */
    private final java.util.Map<ChatUser, Handler> handlers = new java.util.concurrent.ConcurrentHashMap<>();

    private record Handler(WatchedConnection serverEnd, Background<Void> running) {
    }

    /** A room whose handlers run the whole conversation: ClientHandler.run(). */
    public Room() throws IOException {
        this(true);
    }

    /** A room whose handlers only say hello and register a nickname, then leave the connection open. */
    public static Room upToNickname() throws IOException {
        return new Room(false);
    }

    private Room(boolean wholeConversation) throws IOException {
        this.wholeConversation = wholeConversation;
        listener = TestPeer.listenOnAnyPort();
        TestPeer outsiderPeer = TestPeer.connectTo(listener.getLocalPort());
        open.add(outsiderPeer);
        outsider = new Connection(TestPeer.acceptSocketFrom(listener));
        open.add(outsider);
    }

    /**
     * Broadcasts the marker line {@link #SENTINEL} to everyone online, from a connection that is not in the room.
     * The registry sends lines to each client in order, so a line a user reads before the
     * sentinel was sent before it, and a line that is not there before it was never sent.
     */
    public void broadcastSentinel() {
        registry.broadcast(SENTINEL, outsider);
    }

    public ClientRegistry registry() {
        return registry;
    }

    /**
     * For every line starting with {@code prefix} that a handler sent so far: whether the
     * registry's lock was held while it was sent (true when it was sent inside a synchronized
     * method of the registry, or inside {@code synchronized (registry) { ... }}).
     */
    public List<Boolean> sentUnderTheRegistrysLock(String prefix) {
        List<Boolean> held = new ArrayList<>();
        for (Handler handler : handlers.values()) {
            handler.serverEnd().sent().stream().filter(sent -> sent.line().startsWith(prefix))
                    .forEach(sent -> held.add(sent.underTheRegistrysLock()));
        }
        return held;
    }

    /** A new connection whose server end runs a ClientHandler; the user has not joined yet. */
    public ChatUser connect() throws IOException {
        TestPeer user = TestPeer.connectTo(listener.getLocalPort());
        open.add(user);
        WatchedConnection serverEnd = new WatchedConnection(TestPeer.acceptSocketFrom(listener), registry);
        open.add(serverEnd);
        ClientHandler handler = new ClientHandler(serverEnd, registry);
        Background<Void> running = Background.start("handler of connection " + (open.size() / 2 - 1), () -> {
            if (wholeConversation) {
                handler.run();
            } else {
                serverEnd.send(ChatLines.hello()); // what run() does first
                handler.registerNickname();
            }
            return null;
        });
        ChatUser chatUser = ChatUser.on(user);
        handlers.put(chatUser, new Handler(serverEnd, running));
        return chatUser;
    }

    /**
     * Connects and joins as {@code nickname}: returns once the handler has welcomed the user and
     * finished registerNickname().
     */
    public ChatUser join(String nickname) throws IOException {
        ChatUser user = connect();
        user.expectHello();
        user.joinAs(nickname);
        // registerNickname() may tell the others "* JOIN ..." after the welcome. Wait until the
        // handler is past it (reading again, in chat(), or ended), so that line has reached whoever
        // was in the room before the test lets anyone else in: otherwise, on a busy computer, the
        // next user could be registered first and read it.
        Handler handler = handlers.get(user);
        try {
            Awaitility.await().atMost(TestPeer.WAIT).pollInterval(Duration.ofMillis(1))
                    .failFast((ThrowingRunnable) Background::rethrowAnyFailure)
                    .until(() -> handler.serverEnd().readsStarted() >= 2 || handler.running().isDone());
        } catch (ConditionTimeoutException e) {
            throw new StepTimeouts.Hang(nickname + " was welcomed, but " + TestPeer.WAIT.toSeconds() + " s later the"
                    + " handler had not finished registerNickname(): what does it wait for after the welcome?");
        }
        return user;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        listener.close();
    }
}
