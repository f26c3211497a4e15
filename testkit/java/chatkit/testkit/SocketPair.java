package chatkit.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A real TCP connection on this computer: {@link #yourEnd()} for the code under test, and
 * {@link #testEnd()} for the test, which plays the friend at the other end.
 */
public final class SocketPair implements AutoCloseable {

    private final Socket yourEnd;
    private final TestPeer testEnd;

    private SocketPair(Socket yourEnd, TestPeer testEnd) {
        this.yourEnd = yourEnd;
        this.testEnd = testEnd;
    }

    public static SocketPair open() throws IOException {
        try (ServerSocket listener = TestPeer.listenOnAnyPort()) {
            Socket yourEnd = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            // Your code's reads give up after a while instead of blocking a test forever.
            yourEnd.setSoTimeout((int) TestPeer.WAIT.toMillis());
            return new SocketPair(yourEnd, TestPeer.acceptFrom(listener));
        }
    }

    public Socket yourEnd() {
        return yourEnd;
    }

    public TestPeer testEnd() {
        return testEnd;
    }

    @Override
    public void close() throws IOException {
        try {
            testEnd.close();
        } finally {
            yourEnd.close();
        }
    }
}
