// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson2.hidden;

import chatkit.lesson2.Connection;
import chatkit.lesson2.testkit.Background;
import chatkit.lesson2.testkit.SocketPair;
import chatkit.lesson2.testkit.TestPeer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/** Connections for registry tests (the server's end for the registry, the test's end to read), closed together. */
final class Wires implements AutoCloseable {

    /** One client's connection. */
    record Wire(Connection connection, TestPeer peer) {
        /** The next line this client reads after a line sent to it now: proof of what came before. */
        String nextLineAfterASentinel() throws IOException {
            connection.send("(sentinel)");
            return peer.readLine();
        }
    }

    private final List<SocketPair> pairs = new ArrayList<>();

    Wire open() throws IOException {
        SocketPair pair = SocketPair.open();
        pairs.add(pair);
        return new Wire(new Connection(pair.yourEnd()), pair.testEnd());
    }

    List<Wire> open(int count) throws IOException {
        List<Wire> wires = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            wires.add(open());
        }
        return wires;
    }

    /** Runs {@code work} on {@code threads} threads released at the same moment; returns what each returned. */
    static <T> List<T> allAtOnce(int threads, IntFunction<T> work) {
        CountDownLatch start = new CountDownLatch(1);
        List<Background<T>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            workers.add(Background.start("thread " + (i + 1) + " of " + threads, () -> {
                start.await();
                return work.apply(index);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Background<T> worker : workers) {
            results.add(worker.await(TestPeer.WAIT.multipliedBy(2)));
        }
        return results;
    }

    @Override
    public void close() throws IOException {
        for (SocketPair pair : pairs) {
            pair.close();
        }
    }
}
