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
    /** Every connection taken, so close() can end them all (one that never says a word, say). */
    private final List<SocketChannel> taken = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<SocketChannel> runner =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.CountDownLatch runnerDone = new java.util.concurrent.CountDownLatch(1);

    private ResultsChannel(Path socketFile, ServerSocketChannel server) {
        this.socketFile = socketFile;
        this.server = server;
        Thread acceptor = new Thread(this::acceptAll, "grader-results");
        acceptor.setDaemon(true);
        acceptor.start();
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

    /**
     * Takes connections until the runner's: each is heard on a thread of its own, so one that
     * connects and says nothing cannot keep the runner out.
     */
    private void acceptAll() {
        try {
            while (runner.get() == null) {
                SocketChannel channel = server.accept();
                taken.add(channel);
                Thread listener = new Thread(() -> hear(channel), "grader-results-connection");
                listener.setDaemon(true);
                listener.start();
            }
        } catch (IOException e) {
            // closed: the runner came, or close()
        }
    }

    private void hear(SocketChannel channel) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8))) {
            if (!nonce.equals(in.readLine()) || !runner.compareAndSet(null, channel)) {
                return; // not the runner of this JVM
            }
            // The one connection: nobody else may come now.
            server.close();
            Files.deleteIfExists(socketFile);
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the JVM ended, or close(): what came is in the queue
        } finally {
            if (runner.get() == channel) {
                runnerDone.countDown();
            }
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
        if (runner.get() != null) {
            runnerDone.await(2, java.util.concurrent.TimeUnit.SECONDS);
        }
        return newLines();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socketFile);
        for (SocketChannel channel : taken) {
            channel.close();
        }
    }
}
