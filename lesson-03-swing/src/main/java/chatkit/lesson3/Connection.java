package chatkit.lesson3;

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

/**
 * The connection to the chat server, as lines of UTF-8 text: {@link #readLine()} to receive,
 * {@link #send} to send. It is lesson 2's connection, unchanged.
 *
 * <ul>
 *   <li><b>Sending never waits.</b> {@link #send} puts the line in an outbox and returns at once;
 *       a writer thread of its own sends it. So the event thread can call {@code send} when you
 *       press Enter, and the window never freezes, even on a slow network.</li>
 *   <li><b>Lines are capped, and bytes that are not UTF-8 become '\uFFFD'</b> ({@link LineReader}).</li>
 *   <li><b>No 40 ms pauses:</b> {@code setTcpNoDelay(true)} turns off Nagle's algorithm.</li>
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
        }
    }
}
