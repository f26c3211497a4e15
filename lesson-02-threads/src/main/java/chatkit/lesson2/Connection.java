package chatkit.lesson2;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One client's connection, as lines of UTF-8 text: {@link #readLine()} to receive, {@link #send}
 * to send. You used the same ideas in lesson 1; this class adds what a server with many clients
 * needs, so your code can stay about the chat.
 *
 * <ul>
 *   <li><b>Sending does not wait for the network.</b> {@link #send} puts the line in this
 *       connection's outbox and returns at once; a writer thread of its own sends the lines, in
 *       order. So the thread that broadcasts never waits for one client's network.</li>
 *   <li><b>Whoever floods is slowed down, not the readers.</b> When a line leaves a client more
 *       than {@value #BEHIND_LINES} lines behind, the thread that sent it waits, the next time it
 *       calls {@link #readLine()}, until that client has caught up. On a server that thread is the
 *       sender's own: it stops reading the sender's lines for a moment, and TCP makes the sender's
 *       program wait. (A pasted book reaches everyone, at the speed of the slowest reader; nobody
 *       is dropped for reading slowly.)</li>
 *   <li><b>A client that stops reading is dropped.</b> A client that is behind, and reads
 *       nothing at all for {@value #NOT_READING_MILLIS} ms while somebody waits for it, is
 *       closed (its handler then says it left), so one frozen program cannot stop the chat. The
 *       outbox never holds more than {@value #OUTBOX_LINES} lines: {@link #send} to a full outbox
 *       waits for room, and drops the client if it reads nothing for
 *       {@value #FULL_OUTBOX_WAIT_MILLIS} ms.</li>
 *   <li><b>Lines are capped and bytes that are not UTF-8 become '\uFFFD'</b> ({@link LineReader}),
 *       so no client can use up the memory or crash the server with bad bytes.</li>
 *   <li><b>No 40 ms pauses.</b> {@code setTcpNoDelay(true)} turns off Nagle's algorithm, which
 *       otherwise holds back a short line until the previous one is acknowledged.</li>
 * </ul>
 *
 * Provided code: no need to change this.
 */
public class Connection implements Closeable {

    /** The most lines that ever wait to be sent to one client. */
    public static final int OUTBOX_LINES = 1000;

    /** A client with more lines than this waiting for it is "behind": whoever sent them waits for it. */
    public static final int BEHIND_LINES = 100;

    /** How long a client that is behind may read nothing at all, while somebody waits for it, before it is dropped. */
    public static final long NOT_READING_MILLIS = 1000;

    /**
     * How long {@link #send} waits for a full outbox to make room while the other side reads
     * nothing, before it drops the connection. Longer than {@link #NOT_READING_MILLIS}: a server
     * may itself wait that long for another client before it reads our lines again.
     */
    public static final long FULL_OUTBOX_WAIT_MILLIS = 5 * NOT_READING_MILLIS;

    /** The socket's send buffer, in bytes (see the constructor). */
    private static final int SEND_BUFFER_BYTES = 64 * 1024;

    /** Put in the outbox by {@link #close()}: everything before it is sent, then the socket closes. */
    private static final String END = new String("end of the outbox");

    /**
     * For each thread: the connections its last lines left behind. It waits for them in its next
     * {@link #readLine()}, where it holds no lock (a broadcast holds the registry's lock, so
     * waiting inside {@link #send} would stop everybody else too).
     */
    private static final ThreadLocal<Set<Connection>> LEFT_BEHIND = ThreadLocal.withInitial(HashSet::new);

    private final Socket socket;
    private final Reader in;
    private final Writer out;
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(OUTBOX_LINES + 1);
    private final String peer;
    private volatile boolean closing;
    private volatile boolean droppedForNotReading;
    private final CountDownLatch writerEnded = new CountDownLatch(1);
    /** How many lines the writer thread has taken from the outbox: it grows while the client reads. */
    private volatile long linesTaken;
    /** Threads that wait for this client to catch up wait on this; the writer thread wakes them. */
    private final Object caughtUp = new Object();

    /** Wraps a connected socket and starts its writer thread. */
    public Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        socket.setTcpNoDelay(true);
        // A small send buffer: the writer thread then takes lines as the client reads them, a few
        // kilobytes at a time, so "has it read anything lately?" has a fair answer. (With the
        // megabytes the system would give, a slow reader could read for seconds and look stuck.)
        socket.setSendBufferSize(SEND_BUFFER_BYTES);
        this.in = new InputStreamReader(new BufferedInputStream(socket.getInputStream()), StandardCharsets.UTF_8);
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        Thread writer = new Thread(this::sendFromOutbox, "chat-writer-" + peer);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Waits for the next line from the other side and returns it without its line end, or null
     * when the other side has closed the connection. Throws IOException if the connection broke.
     * First, if this thread's last lines left clients behind, it waits for them to catch up.
     */
    public String readLine() throws IOException {
        waitForClientsLeftBehind();
        return LineReader.readLine(in);
    }

    /**
     * Queues {@code line} to be sent, with its '\n'. Returns at once, unless the outbox is full
     * (then it waits for room). Lines to a closed connection are dropped.
     */
    public void send(String line) {
        if (closing) {
            return;
        }
        if (outbox.size() >= OUTBOX_LINES && !waitToCatchUp(FULL_OUTBOX_WAIT_MILLIS)) {
            drop();
            return;
        }
        // One slot more than OUTBOX_LINES is kept free for END, so close() always fits.
        if (!outbox.offer(line)) {
            drop();
            return;
        }
        if (outbox.size() > BEHIND_LINES) {
            LEFT_BEHIND.get().add(this); // this thread waits for us in its next readLine()
        }
    }

    /** Sends what is already queued, then closes the connection. Does not wait. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (!outbox.offer(END)) {
            closeNow();
        }
    }

    /** Closes the connection at once; lines still in the outbox are lost. */
    public void closeNow() {
        closing = true;
        outbox.clear();
        outbox.offer(END);
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway: nothing more to do
        }
        synchronized (caughtUp) {
            caughtUp.notifyAll(); // nobody needs to wait for this client any more
        }
    }

    /** The address and port of the other side, such as "127.0.0.1:53422". */
    public String peer() {
        return peer;
    }

    /** True once this connection was closed because the client stopped reading. */
    public boolean wasDroppedForNotReading() {
        return droppedForNotReading;
    }

    /** True once {@link #close()} or {@link #closeNow()} was called. */
    public boolean isClosing() {
        return closing;
    }

    /** The client stopped reading: close its connection, and say why. */
    private void drop() {
        droppedForNotReading = true;
        closeNow();
    }

    /** Back-pressure: this thread's last lines left these clients behind; wait until each catches up (or is dropped). */
    private static void waitForClientsLeftBehind() {
        Set<Connection> behind = LEFT_BEHIND.get();
        for (Connection client : behind) {
            if (!client.waitToCatchUp(NOT_READING_MILLIS)) {
                client.drop();
            }
        }
        behind.clear();
    }

    /**
     * Waits until at most half of {@link #BEHIND_LINES} lines wait in the outbox, or the
     * connection closes. Returns false if, meanwhile, the writer thread could send nothing at all
     * for {@code patienceMillis}: the client has stopped reading. A client that reads, however
     * slowly, is waited for.
     */
    private boolean waitToCatchUp(long patienceMillis) {
        synchronized (caughtUp) {
            long taken = linesTaken;
            long deadline = System.nanoTime() + patienceMillis * 1_000_000;
            while (!closing && outbox.size() > BEHIND_LINES / 2) {
                if (linesTaken != taken) {
                    // It read something: it is slow, not gone. Give it the whole patience again.
                    taken = linesTaken;
                    deadline = System.nanoTime() + patienceMillis * 1_000_000;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    caughtUp.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true; // asked to stop: stop waiting, drop nobody
                }
            }
            return true;
        }
    }

    /** The writer thread: sends each queued line, flushing when nothing more is waiting. */
    private void sendFromOutbox() {
        try {
            while (true) {
                String line = outbox.take();
                linesTaken++; // only this thread writes it
                if (outbox.size() <= BEHIND_LINES / 2) {
                    synchronized (caughtUp) {
                        caughtUp.notifyAll(); // whoever waits for this client to catch up may go on
                    }
                }
                if (line == END) {
                    break;
                }
                out.write(line);
                out.write('\n');
                if (outbox.isEmpty()) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // The other side is gone: the reading side notices it too and cleans up.
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
            writerEnded.countDown();
        }
    }

    /**
     * Waits at most {@code millis} for the writer thread to send what was queued before
     * {@link #close()} and end. Returns true if it did. A program that exits right after closing
     * (the server's /quit) calls this first, or its last lines (the goodbye) may never leave.
     */
    public boolean awaitSent(long millis) throws InterruptedException {
        return writerEnded.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }
}
