package chatkit.testkit;

import java.io.BufferedReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pretend keyboard that the test types on while your code runs. It also remembers what the
 * screen showed each time your code asked for a line, so a test can check whose turn it was.
 */
public final class ScriptedKeyboard extends Reader {

    private static final String END_OF_INPUT = "\u0000end";

    private final BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    private final List<String> screenAtEachRequest = new CopyOnWriteArrayList<>();
    private final Screen screen;
    private final BufferedReader reader = new BufferedReader(this);
    private String current = "";
    private int position;
    private boolean ended;

    public ScriptedKeyboard(Screen screen) {
        this.screen = screen;
    }

    /** A keyboard on which these lines are already typed, then the input ends. */
    public static BufferedReader typing(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return new BufferedReader(new StringReader(text.toString()));
    }

    /** What your code reads from: pass this wherever a keyboard is expected. */
    public BufferedReader reader() {
        return reader;
    }

    /** Types a line and presses Enter. */
    public void type(String line) {
        typed.add(line + "\n");
    }

    /** Ends the input, like Ctrl-D. */
    public void endInput() {
        typed.add(END_OF_INPUT);
    }

    /** How many times your code has asked the keyboard for more text. */
    public int timesAsked() {
        return screenAtEachRequest.size();
    }

    /** What the screen showed when your code asked for the {@code n}th time (from 1). */
    public String screenWhenAsked(int n) {
        return screenAtEachRequest.get(n - 1);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws InterruptedIOException {
        if (ended) {
            return -1;
        }
        if (position == current.length()) {
            screenAtEachRequest.add(screen.text());
            current = nextTyped();
            position = 0;
            if (current.equals(END_OF_INPUT)) {
                ended = true;
                return -1;
            }
        }
        int count = Math.min(length, current.length() - position);
        current.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    private String nextTyped() throws InterruptedIOException {
        try {
            // Waits as long as the test has not typed: the test's own time limit bounds it,
            // and the thread is interrupted when the test ends.
            String line;
            do {
                line = typed.poll(50, TimeUnit.MILLISECONDS);
            } while (line == null);
            return line;
        } catch (InterruptedException e) {
            throw new InterruptedIOException("the test ended while your code waited for the keyboard");
        }
    }

    /**
     * True when typed text is waiting, as a real keyboard's reader answers: a read now would not
     * wait for the user. False while nothing is typed, and after the input ended (Ctrl-D), so code
     * that polls {@code ready()} sees what it would see at a real console.
     */
    @Override
    public boolean ready() {
        if (ended) {
            return false;
        }
        if (position < current.length()) {
            return true;
        }
        String next = typed.peek();
        return next != null && !next.equals(END_OF_INPUT);
    }

    @Override
    public void close() {
        // the keyboard of a test is never closed by the code under test
    }
}
