package chatkit.lesson1;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One end of a chat connection that sends and receives whole lines of text.
 *
 * Wire format: each message is its text in UTF-8, followed by one '\n'.
 *
 * Reference solution: the starter file with TODOs 4, 5 and 8 done.
 */
public class LineConnection implements Closeable {

    private final Socket socket;
    private BufferedReader reader;
    private Writer writer;

    /** Step 4: wraps a connected socket in a UTF-8 reader and a UTF-8 writer. */
    public LineConnection(Socket socket) throws IOException {
        this.socket = socket;
        // Not asked of students: send each line at once instead of waiting ~40 ms to batch it
        // with the next one (Nagle's algorithm). The chat takes turns, so students never notice;
        // the servers of lesson 2 do.
        socket.setTcpNoDelay(true);
        // Name the charset: without it Java uses the computer's default, which differs between
        // Windows and Linux, and accented letters turn into garbage between the two.
        reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** Step 5: sends one line: its text, the end-of-line character, then a flush. */
    public void send(String line) throws IOException {
        writer.write(line);
        writer.write('\n');
        // Without flush() the line waits in the writer's buffer and the friend waits forever.
        writer.flush();
    }

    /**
     * Receives the next line, without its '\n'; {@code null} once the other side has closed the
     * connection. Provided code: no need to change this.
     */
    public String receive() throws IOException {
        return LineReader.readLine(reader);
    }

    /** Where the other side is, as address:port. Provided code: no need to change this. */
    public String peerAddress() {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    /** Step 8: hangs up. Closing the socket also closes its streams. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
