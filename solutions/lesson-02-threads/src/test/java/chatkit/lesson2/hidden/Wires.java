// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson2.hidden;

import chatkit.lesson2.Connection;
import chatkit.lesson2.testkit.Room;
import chatkit.testkit.SocketPair;
import chatkit.testkit.TestPeer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Connections for registry tests (the server's end for the registry, the test's end to read), closed together. */
final class Wires implements AutoCloseable {

    /** One client's connection. */
    record Wire(Connection connection, TestPeer peer) {
        /** The next line this client reads after a line sent to it now: proof of what came before. */
        String nextLineAfterASentinel() throws IOException {
            connection.send(Room.SENTINEL);
            return peer.readLine();
        }
    }

    /**
     * Holds the first send() of any connection that shares it until {@link #release()}d (at most
     * {@link TestPeer#WAIT}): a test can then act while a broadcast is under way.
     */
    static final class HeldSend {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        void hold() throws InterruptedException {
            if (first.getAndSet(false)) {
                entered.countDown();
                released.await(TestPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        boolean entered() {
            return entered.getCount() == 0;
        }

        void release() {
            released.countDown();
        }
    }

    private final List<SocketPair> pairs = new ArrayList<>();

    /** A connection whose first send() (of all that share {@code held}) waits for the test. */
    Wire open(HeldSend held) throws IOException {
        SocketPair pair = SocketPair.open();
        pairs.add(pair);
        Connection connection = new Connection(pair.yourEnd()) {
            @Override
            public void send(String line) {
                try {
                    held.hold();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.send(line);
            }
        };
        return new Wire(connection, pair.testEnd());
    }

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

    @Override
    public void close() throws IOException {
        for (SocketPair pair : pairs) {
            pair.close();
        }
    }
}
