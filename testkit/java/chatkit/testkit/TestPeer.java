package chatkit.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The test's own end of a real TCP connection on this computer (127.0.0.1): it plays the other
 * side of the chat, byte by byte, so a test sees exactly what your code sends.
 *
 * Every wait is bounded, and every wait gives up at once when a {@link Background} task fails.
 */
public final class TestPeer implements AutoCloseable {

    /**
     * How long a test waits for something that should arrive: generous, never needed in full.
     * Under a debugger it is half an hour, so you can stop at a breakpoint and look around.
     */
    public static final Duration WAIT = Debugger.attached() ? Duration.ofMinutes(30) : Duration.ofSeconds(2);

    /**
     * How long a call that should return at once (start a thread and go) gets: a hundred times
     * what it needs on a busy machine. Half an hour under a debugger.
     */
    public static final Duration AT_ONCE = Debugger.attached() ? Duration.ofMinutes(30) : Duration.ofSeconds(1);

    private static final int SLICE_MILLIS = 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TestPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(SLICE_MILLIS);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to a server listening on {@code port} of 127.0.0.1. */
    public static TestPeer connectTo(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) WAIT.toMillis());
        return new TestPeer(socket);
    }

    /** Waits (bounded) for a client to connect to {@code listener}, and returns that connection. */
    public static TestPeer acceptFrom(ServerSocket listener) throws IOException {
        return new TestPeer(acceptSocketFrom(listener));
    }

    /** Waits (bounded) for a client to connect to {@code listener}, and returns the plain socket. */
    public static Socket acceptSocketFrom(ServerSocket listener) throws IOException {
        listener.setSoTimeout(SLICE_MILLIS);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Background.rethrowAnyFailure();
            try {
                return listener.accept();
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new StepTimeouts.Hang("no client connected within " + WAIT.toSeconds() + " s");
                }
            }
        }
    }

    /** A listening socket on 127.0.0.1 and a free port chosen by the system. */
    public static ServerSocket listenOnAnyPort() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /**
     * A listening socket on another address of this computer, such as 127.0.0.2. Linux and
     * Windows answer on all of 127.x.y.z; where the system has only 127.0.0.1 (macOS), the test
     * is skipped: there is nothing to check there.
     */
    public static ServerSocket listenOnOtherLoopback(InetAddress address) {
        try {
            return new ServerSocket(0, 50, address);
        } catch (IOException e) {
            return Assumptions.abort("this computer has no " + address.getHostAddress() + ": nothing to check here");
        }
    }

    /** Sends {@code line} as UTF-8 followed by '\n'. */
    public void sendLine(String line) throws IOException {
        sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes, exactly as given. */
    public void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads the next line (UTF-8, without its '\n' or "\r\n"), or {@code null} if the other side
     * closed the connection first. Fails if no whole line arrives within {@link #WAIT}.
     */
    public String readLine() throws IOException {
        return readLine(WAIT);
    }

    public String readLine(Duration limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Background.rethrowAnyFailure();
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    String sofar = line.size() == 0 ? "nothing"
                            : "\"" + line.toString(StandardCharsets.UTF_8) + "\" but no end-of-line '\\n'";
                    // A wait that gave up: the step's other tests, and the steps built on it, would
                    // wait for the same line (StepTimeouts).
                    throw new StepTimeouts.Hang("no whole line arrived within " + limit.toSeconds()
                            + " s (received " + sofar + "): was it sent with a '\\n', and flushed?"
                            + Background.finishedSummary());
                }
                continue;
            }
            if (b == -1) {
                if (line.size() == 0) {
                    return null;
                }
                throw new AssertionError("the connection closed in the middle of a line: \""
                        + line.toString(StandardCharsets.UTF_8) + "\" had no '\\n'");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    /**
     * Bytes as a person can read them: UTF-8 text with line ends and other invisible characters
     * spelled out (a Windows line end shows as \\r\\n), so a wrong byte shows in a failure message.
     */
    public static String visible(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (char c : new String(bytes, StandardCharsets.UTF_8).toCharArray()) {
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return text.toString();
    }

    /** Reads exactly {@code count} bytes, bounded by {@link #WAIT}. */
    public byte[] readBytes(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bytes.size() < count) {
            Background.rethrowAnyFailure();
            try {
                int b = in.read();
                if (b == -1) {
                    break;
                }
                bytes.write(b);
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    StepTimeouts.waitRanOut();
                    break;
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * True once the other side has closed the connection (we read the end of the stream, or a
     * reset); false if it is still open after {@link #WAIT}. Bytes that arrive first are skipped.
     */
    public boolean closedByOtherSide() throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Background.rethrowAnyFailure();
            try {
                if (in.read() == -1) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open: keep waiting
            } catch (IOException e) {
                return true; // connection reset: closed too
            }
        }
        StepTimeouts.waitRanOut();
        return false;
    }

    /** True while our end is connected (connecting fails with an exception instead). */
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    /** The port of our end, as the other side sees it. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Sends end-of-stream (as when a program closes its output) while still reading what comes back. */
    public void stopSending() throws IOException {
        socket.shutdownOutput();
    }

    /** True if some bytes have arrived and wait to be read (never waits). */
    public boolean hasBytesWaiting() throws IOException {
        return in.available() > 0;
    }

    /** Vanishes without a goodbye: the other side gets a "connection reset" instead of an end of stream. */
    public void resetAbruptly() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Closes our end normally: the other side reads the end of the stream. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
