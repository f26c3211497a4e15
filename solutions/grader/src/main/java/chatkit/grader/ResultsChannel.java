// @kit:instructor-only
package chatkit.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * How one test JVM's results reach the grader: a Unix domain socket that the test runner
 * connects to first thing, before any student class is loaded, and that takes no second
 * connection. Once the runner holds it there is nothing left to open, and no secret to steal:
 * what comes over this connection is the runner's (the JVM's hardening keeps student code from
 * reaching the runner's connection, see {@link IsolatedTests}).
 *
 * The runner proves it is the JVM the grader just started with a fresh nonce it was given on
 * standard input; a connection that does not say it first is dropped.
 */
final class ResultsChannel implements AutoCloseable {

    private final Path socketFile;
    private final ServerSocketChannel server;
    private final String nonce = java.util.UUID.randomUUID().toString();
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean connected;
    private volatile boolean ended;
    private volatile SocketChannel accepted;

    private ResultsChannel(Path socketFile, ServerSocketChannel server) {
        this.socketFile = socketFile;
        this.server = server;
        this.reader = new Thread(this::acceptAndRead, "grader-results");
        reader.setDaemon(true);
        reader.start();
    }

    /** Listens on a socket file in {@code folder} (its path must be short: under about 100 bytes). */
    static ResultsChannel open(Path folder) throws IOException {
        Path socketFile = folder.resolve("results.sock");
        Files.deleteIfExists(socketFile);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketFile));
        return new ResultsChannel(socketFile, server);
    }

    Path socketFile() {
        return socketFile;
    }

    /** What the runner must say first. */
    String nonce() {
        return nonce;
    }

    private void acceptAndRead() {
        try {
            while (true) {
                SocketChannel channel = server.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                        StandardCharsets.UTF_8));
                if (!nonce.equals(in.readLine())) {
                    channel.close(); // not the runner of this JVM
                    continue;
                }
                // The one connection: nobody else may come now.
                accepted = channel;
                connected = true;
                server.close();
                Files.deleteIfExists(socketFile);
                try (in) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                }
                return;
            }
        } catch (IOException e) {
            // closed by close(), or the JVM ended: what came is in the queue
        } finally {
            ended = true;
        }
    }

    /** The lines that came since the last call (complete lines only). */
    List<String> newLines() {
        List<String> taken = new ArrayList<>();
        lines.drainTo(taken);
        return taken;
    }

    /** After the JVM ended: waits (briefly) for the last lines in flight, then gives them. */
    List<String> lastLines() throws InterruptedException {
        if (connected) {
            reader.join(2000);
        }
        return newLines();
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socketFile);
        SocketChannel channel = accepted;
        if (channel != null) {
            channel.close();
        }
    }
}
