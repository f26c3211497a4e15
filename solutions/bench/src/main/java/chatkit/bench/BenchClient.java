// @kit:instructor-only benchmark code
package chatkit.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One benchmark client: joins under a nickname, then a reader thread hands each chat line to the run. */
final class BenchClient implements AutoCloseable {

    /** Receives chat lines "&lt;sender&gt; SEQ" as they arrive. */
    interface Receiver {
        void received(int client, int seq, long nanos);
    }

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    BenchClient(int port, String nickname) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true); // the clients are not what we measure
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        String hello = in.readLine();
        if (hello == null || !hello.startsWith("* HELLO")) {
            throw new IOException("no hello: " + hello);
        }
        send(nickname);
        String line;
        while ((line = in.readLine()) != null && !line.startsWith("* WELCOME " + nickname)) {
            // skip what came before the welcome
        }
        if (line == null) {
            throw new IOException("no welcome for " + nickname);
        }
    }

    void send(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }

    /** Starts the reader thread: every "&lt;x&gt; SEQ" line goes to {@code receiver}; notices are skipped. */
    void startReading(int index, Receiver receiver) {
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    long now = System.nanoTime();
                    if (line.startsWith("<")) {
                        int space = line.indexOf("> ");
                        receiver.received(index, Integer.parseInt(line.substring(space + 2)), now);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // closed at the end of the run
            }
        }, "bench-reader-" + index);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
