package chatkit.testkit;

import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/** A pretend screen: your code prints to {@link #writer()}, the test reads {@link #text()}. */
public final class Screen {

    private final StringWriter text = new StringWriter(); // thread-safe: backed by a StringBuffer
    private final PrintWriter writer = new PrintWriter(text, true);

    public PrintWriter writer() {
        return writer;
    }

    /** Everything printed so far. */
    public String text() {
        writer.flush();
        return text.toString();
    }

    /** Waits (bounded) until the screen shows {@code expected}; fails at once if a background task fails. */
    public void awaitText(String expected) {
        try {
            await().atMost(TestPeer.WAIT)
                    .pollInterval(Duration.ofMillis(10))
                    .failFast((ThrowingRunnable) Background::rethrowAnyFailure)
                    .until(() -> text().contains(expected));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the screen did not show \"" + expected + "\" within " + TestPeer.WAIT.toSeconds()
                    + " s; it showed: \"" + text().replace("\n", "\\n") + "\"", e);
        }
    }
}
