// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson2.hidden;

import chatkit.lesson2.Connection;
import chatkit.lesson2.testkit.Room;
import chatkit.testkit.SocketPair;
import chatkit.testkit.TestPeer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

    @Override
    public void close() throws IOException {
        for (SocketPair pair : pairs) {
            pair.close();
        }
    }
}
