package chatkit.lesson2;

import java.io.BufferedReader;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Connects the chat programs to the real keyboard and screen. Only the {@code main} methods use
 * this; everything else takes a reader and writers, so tests can type and read for you.
 * (The only System.exit of the lesson is here: code that tests run never calls it.)
 *
 * Provided code: no need to change this.
 */
public class Terminal {

    private Terminal() {
    }

    /** A whole program, as the tests run it: arguments, keyboard, screen, errors in; exit code out. */
    public interface Program {
        int run(String[] args, BufferedReader keyboard, PrintWriter out, PrintWriter err);
    }

    /**
     * What {@code main} does: runs the program on the real keyboard and screen, then ends the JVM
     * with its exit code (3 if a TODO is not done yet).
     */
    public static void runAndExit(Program program, String[] args) {
        PrintWriter errors = errors();
        // A mistake on one of the chat's own threads: one plain line, not a stack trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> errors.println(e instanceof UnsupportedOperationException
                ? ChatMessages.notFinished((UnsupportedOperationException) e)
                : "Unexpected problem on thread " + thread.getName() + ": " + e));
        int exitCode;
        try {
            exitCode = program.run(args, keyboard(), screen(), errors);
        } catch (UnsupportedOperationException e) {
            errors.println(ChatMessages.notFinished(e));
            exitCode = 3;
        }
        System.exit(exitCode);
    }

    public static BufferedReader keyboard() {
        return new BufferedReader(new InputStreamReader(System.in, charset("stdin.encoding")));
    }

    public static PrintWriter screen() {
        return new PrintWriter(new OutputStreamWriter(System.out, charset("stdout.encoding")), true);
    }

    public static PrintWriter errors() {
        return new PrintWriter(new OutputStreamWriter(System.err, charset("stderr.encoding")), true);
    }

    /**
     * A screen that shows text from the network safely: every character {@link ChatLines#isUnsafe}
     * names (the escape of terminal codes, a lone carriage return, a direction override...)
     * becomes {@link ChatLines#REPLACEMENT}, whoever prints it. Line ends ("\n", "\r\n") and tabs
     * stay. The client prints the server's lines on this, so a server (or a client it trusted
     * too much) cannot clear or redraw your screen.
     */
    public static PrintWriter safe(PrintWriter screen) {
        return new PrintWriter(new SafeWriter(screen), true);
    }

    /** Replaces what must not reach a terminal, one character at a time. */
    private static final class SafeWriter extends FilterWriter {

        /** A '\r' just written: it stays only if a '\n' follows (a Windows line end). */
        private boolean carriageReturn;

        SafeWriter(Writer screen) {
            super(screen);
        }

        @Override
        public void write(int c) throws IOException {
            write(String.valueOf((char) c), 0, 1);
        }

        @Override
        public void write(char[] text, int offset, int length) throws IOException {
            write(new String(text, offset, length), 0, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            StringBuilder safe = new StringBuilder(length + 1);
            for (int i = offset; i < offset + length; i++) {
                char c = text.charAt(i);
                if (carriageReturn) {
                    carriageReturn = false;
                    safe.append(c == '\n' ? '\r' : ChatLines.REPLACEMENT);
                }
                if (c == '\r') {
                    carriageReturn = true;
                } else if (c == '\n' || c == '\t' || !ChatLines.isUnsafe(c)) {
                    safe.append(c);
                } else {
                    safe.append(ChatLines.REPLACEMENT);
                }
            }
            out.write(safe.toString()); // in one piece, so a line is never cut by another thread's
        }
    }

    /** The charset of the console, so accented letters show right (see docs/troubleshooting.md). */
    private static Charset charset(String property) {
        String name = System.getProperty(property);
        if (name != null && Charset.isSupported(name)) {
            return Charset.forName(name);
        }
        if (System.console() != null) {
            return System.console().charset();
        }
        return Charset.defaultCharset();
    }
}
