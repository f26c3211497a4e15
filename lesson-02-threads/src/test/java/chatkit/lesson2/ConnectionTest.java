package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.testkit.SocketPair;
import chatkit.testkit.TestPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tests of provided code (a client's connection: lines, outbox) over real sockets: they pass from
 * the start. (How it treats a client that reads slowly or not at all takes a few seconds to show:
 * those tests run in the instructor's build only, solutions/lesson-02-threads, SlowReadersTest.)
 */
@Tag("provided")
class ConnectionTest {

    private SocketPair pair;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        pair = SocketPair.open();
        connection = new Connection(pair.yourEnd());
    }

    @AfterEach
    void close() throws Exception {
        connection.closeNow();
        pair.close();
    }

    @Test
    @DisplayName("Provided: send() sends each line as UTF-8 with '\\n', in order, without Nagle's delay")
    void sendsLinesInOrder() throws Exception {
        connection.send("one");
        connection.send("çà 🙂");

        assertThat(TestPeer.visible(pair.testEnd().readBytes(14))).isEqualTo("one\\nçà 🙂\\n");
        assertThat(pair.yourEnd().getTcpNoDelay()).as("setTcpNoDelay(true)").isTrue();
        assertThat(connection.peer()).startsWith("127.0.0.1:");
    }

    @Test
    @DisplayName("Provided: readLine() turns bytes that are not UTF-8 into \uFFFD, and reading goes on")
    void badBytesDoNotStopReading() throws Exception {
        pair.testEnd().sendBytes(new byte[] {'a', (byte) 0xC3, '(', (byte) 0xFF, '\n', 'o', 'k', '\r', '\n'});

        assertThat(connection.readLine()).isEqualTo("a\uFFFD(\uFFFD");
        assertThat(connection.readLine()).isEqualTo("ok");
    }

    @Test
    @DisplayName("Provided: readLine() cuts an over-long line, and the next line is whole")
    void overLongLinesAreCut() throws Exception {
        pair.testEnd().sendLine("x".repeat(100_000));
        pair.testEnd().sendLine("next");

        assertThat(connection.readLine()).hasSize(LineReader.MAX_LINE_LENGTH + LineReader.CUT_NOTE.length());
        assertThat(connection.readLine()).isEqualTo("next");
    }

    @Test
    @DisplayName("Provided: close() sends every line already queued, then hangs up")
    void closeSendsWhatIsQueued() throws Exception {
        for (int i = 1; i <= 200; i++) {
            connection.send("line " + i);
        }
        connection.close();

        for (int i = 1; i <= 200; i++) {
            assertThat(pair.testEnd().readLine()).isEqualTo("line " + i);
        }
        assertThat(pair.testEnd().readLine()).as("after the queued lines: the end of the stream").isNull();
    }
}
