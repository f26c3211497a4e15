package chatkit.lesson1;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets; // the imports above and this one are ready for your TODOs

/**
 * One end of a chat connection that sends and receives whole lines of text.
 *
 * Wire format: each message is its text in UTF-8, followed by one '\n'.
 * Both the server and the client use this class.
 */
public class LineConnection implements Closeable {

    private final Socket socket;
    private BufferedReader reader;
    private Writer writer;

    /** Step 4: wraps a connected socket in a UTF-8 reader and a UTF-8 writer. */
    public LineConnection(Socket socket) throws IOException {
        this.socket = socket;
        // TODO 4: set reader to read the socket's input stream as UTF-8 text,
        //         and writer to write UTF-8 text to the socket's output stream.
        throw new UnsupportedOperationException(
                "TODO 4 not done: the LineConnection constructor - see README, step 4");
    }

    /** Step 5: sends one line: its text, the end-of-line character, then a flush. */
    public void send(String line) throws IOException {
        // TODO 5: write the line and a '\n' with writer, then flush it.
        throw new UnsupportedOperationException(
                "TODO 5 not done: LineConnection.send() - see README, step 5");
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
        // TODO 8 (1 of 2): close the socket.
        throw new UnsupportedOperationException(
                "TODO 8 not done: LineConnection.close() - see README, step 8");
    }
}
