package chatkit.lesson2.testkit;

import chatkit.lesson2.Connection;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's end of a test user's connection, exactly the provided Connection, that also
 * writes down, for every line your code sends, whether the sending thread held the registry's
 * lock at that moment. That is how a test sees, every time, that the /list answer is taken and
 * sent inside one {@code synchronized (registry)} block: a race that would show only now and
 * then, made certain. It also counts the reads your code starts, so a test can tell when your
 * handler has moved on to the next thing it reads.
 */
final class WatchedConnection extends Connection {

    /** A line your code sent, and whether the registry's lock was held while sending it. */
    record Sent(String line, boolean underTheRegistrysLock) {
    }

    private final Object registry;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger readsStarted = new AtomicInteger();

    WatchedConnection(Socket socket, Object registry) throws IOException {
        super(socket);
        this.registry = registry;
    }

    @Override
    public void send(String line) {
        sent.add(new Sent(line, Thread.holdsLock(registry)));
        super.send(line);
    }

    @Override
    public String readLine() throws IOException {
        readsStarted.incrementAndGet();
        return super.readLine();
    }

    List<Sent> sent() {
        return sent;
    }

    /** How many times your code has started to read a line (the read may still be waiting). */
    int readsStarted() {
        return readsStarted.get();
    }
}
