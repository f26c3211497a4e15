package chatkit.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Catches anything printed to the real {@code System.out} or {@code System.err} while a test
 * runs. The chat programs print only to the screen and error writers they are given, so a
 * stack trace or a stray message on the real console is a mistake the user would see.
 */
public final class ConsoleSpy implements AutoCloseable {

    private static volatile ConsoleSpy active;

    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream caught = new ByteArrayOutputStream();

    private ConsoleSpy() {
        PrintStream spy = new PrintStream(caught, true, StandardCharsets.UTF_8);
        System.setOut(spy);
        System.setErr(spy);
        active = this;
    }

    /** Puts the real console back if a test left a spy running; the step extension calls this after each test. */
    public static void restore() {
        ConsoleSpy spy = active;
        if (spy != null) {
            spy.close();
        }
    }

    public static ConsoleSpy start() {
        return new ConsoleSpy();
    }

    /** What was printed to the real console so far. */
    public String text() {
        synchronized (caught) {
            return caught.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(realOut);
        System.setErr(realErr);
        active = null;
    }
}
