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
 *   <li><b>Sending never waits.</b> {@link #send} puts the line in this connection's outbox and
 *       returns at once; a writer thread of its own sends the lines, in order. So a client that
 *       reads slowly, or not at all, never holds up the thread that broadcasts to everyone.</li>
 *   <li><b>A client that stops reading is dropped.</b> The outbox holds {@value #OUTBOX_LINES}
 *       lines. When it is full the client has not read anything for a long time: rather than keep
 *       its lines forever, the server closes the connection (its handler then says it left).</li>
 *   <li><b>Lines are capped and bytes that are not UTF-8 become '\uFFFD'</b> ({@link LineReader}),
 *       so no client can use up the memory or crash the server with bad bytes.</li>
 *   <li><b>No 40 ms pauses.</b> {@code setTcpNoDelay(true)} turns off Nagle's algorithm, which
 *       otherwise holds back a short line until the previous one is acknowledged.</li>
 * </ul>
 *
 * Provided code: no need to change this.
 */
public class Connection implements Closeable {

    /** How many lines may wait to be sent to one client before it counts as not reading. */
    public static final int OUTBOX_LINES = 1000;

    /** Put in the outbox by {@link #close()}: everything before it is sent, then the socket closes. */
    private static final String END = new String("end of the outbox");

    private final Socket socket;
    private final Reader in;
    private final Writer out;
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(OUTBOX_LINES + 1);
    private final String peer;
    private volatile boolean closing;
    private volatile boolean droppedForNotReading;
    private final CountDownLatch writerEnded = new CountDownLatch(1);

    /** Wraps a connected socket and starts its writer thread. */
    public Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        socket.setTcpNoDelay(true);
        this.in = new InputStreamReader(new BufferedInputStream(socket.getInputStream()), StandardCharsets.UTF_8);
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        Thread writer = new Thread(this::sendFromOutbox, "chat-writer-" + peer);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Waits for the next line from the other side and returns it without its line end, or null
     * when the other side has closed the connection. Throws IOException if the connection broke.
     */
    public String readLine() throws IOException {
        return LineReader.readLine(in);
    }

    /** Queues {@code line} to be sent, with its '\n'; returns at once. Lines to a closed connection are dropped. */
    public void send(String line) {
        if (closing) {
            return;
        }
        // One slot more than OUTBOX_LINES is kept free for END, so close() always fits.
        if (outbox.size() >= OUTBOX_LINES || !outbox.offer(line)) {
            droppedForNotReading = true;
            closeNow();
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
    }

    /** The address and port of the other side, such as "127.0.0.1:53422". */
    public String peer() {
        return peer;
    }

    /** True once this connection was closed because the client stopped reading (its outbox filled up). */
    public boolean wasDroppedForNotReading() {
        return droppedForNotReading;
    }

    /** True once {@link #close()} or {@link #closeNow()} was called. */
    public boolean isClosing() {
        return closing;
    }

    /** The writer thread: sends each queued line, flushing when nothing more is waiting. */
    private void sendFromOutbox() {
        try {
            while (true) {
                String line = outbox.take();
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
