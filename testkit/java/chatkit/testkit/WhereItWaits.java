package chatkit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a thread's stack for messages that say where your code is stuck: "LineReader.readLine
 * (LineReader.java:39), called from ChatSession.startReader (ChatSession.java:76)". Only the
 * lesson's own frames count (not the JDK's, not the tests').
 */
public final class WhereItWaits {

    /** How many of the lesson's frames a message shows, innermost first. */
    private static final int FRAMES_SHOWN = 4;

    private WhereItWaits() {
    }

    /** Where {@code thread} runs the lesson's code, or empty if it does not (idle, or in the JDK only). */
    public static Optional<String> in(Thread thread) {
        return lessonFrames(thread.getStackTrace());
    }

    /**
     * Where {@code thread} waits (for the network, a lock, a sleep) inside the lesson's code, or
     * empty if it does not wait there.
     */
    public static Optional<String> waitingIn(Thread thread, StackTraceElement[] stack) {
        return isWaiting(thread.getState(), stack) ? lessonFrames(stack) : Optional.empty();
    }

    /**
     * Parked, sleeping, waiting for a lock, or inside a native read or write of the network; but
     * not while the JDK loads a class or sets up Swing (fonts, look and feel) on the way, which on
     * a busy computer can take a while and is not the lesson's code waiting.
     */
    private static boolean isWaiting(Thread.State state, StackTraceElement[] stack) {
        if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED) {
            for (StackTraceElement frame : stack) {
                if (isLessonCode(frame)) {
                    return true; // the JDK frames above it wait for the lesson's code
                }
                if (isSetUp(frame)) {
                    return false;
                }
            }
            return true;
        }
        if (state != Thread.State.RUNNABLE || stack.length == 0 || !stack[0].isNativeMethod()) {
            return false;
        }
        String top = stack[0].getClassName();
        return top.startsWith("sun.nio.ch.") || top.startsWith("java.net.");
    }

    /**
     * Where in the lesson's code {@code failure} was thrown ("Conversation.run (Conversation.java:31)"),
     * or empty: Maven shortens stack traces to the test's own lines, so messages have to say it. Empty
     * for an unfinished TODO too, whose message says where already.
     */
    public static Optional<String> thrownIn(Throwable failure) {
        if (Steps.unfinishedTodo(failure.getMessage()).isPresent()) {
            return Optional.empty();
        }
        return lessonFrames(failure.getStackTrace());
    }

    /** The lesson's own frames, innermost first, or empty if none. */
    public static Optional<String> lessonFrames(StackTraceElement[] stack) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            boolean lambda = frame.getMethodName().startsWith("lambda$") || frame.getClassName().contains("$$Lambda");
            if (isLessonCode(frame) && !lambda && frames.size() < FRAMES_SHOWN) {
                String className = frame.getClassName();
                frames.add(className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName()
                        + " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")");
            }
        }
        return frames.isEmpty() ? Optional.empty() : Optional.of(String.join(", called from ", frames));
    }

    /** The JDK loading or initialising a class, or Swing and AWT setting themselves up. */
    private static boolean isSetUp(StackTraceElement frame) {
        String name = frame.getClassName();
        return frame.getMethodName().equals("<clinit>") || name.startsWith("java.lang.ClassLoader")
                || name.startsWith("jdk.internal.loader.") || name.startsWith("javax.swing.")
                || name.startsWith("java.awt.") || name.startsWith("sun.awt.") || name.startsWith("sun.font.")
                || name.startsWith("sun.java2d.") || name.startsWith("sun.swing.");
    }

    /** A class of the lesson (yours or provided), not of the JDK, a library or the tests. */
    private static boolean isLessonCode(StackTraceElement frame) {
        String name = frame.getClassName();
        if (!name.startsWith("chatkit.") || name.contains(".testkit.") || name.contains(".hidden.")) {
            return false;
        }
        String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        return !outer.endsWith("Test");
    }
}
