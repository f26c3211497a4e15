package chatkit.lesson3.testkit;

import chatkit.testkit.WhereItWaits;
import java.util.Map;
import java.util.Optional;

/**
 * What Swing's event thread is doing, read from its stack, so that a test stuck on it can say
 * where: "it waits in LineReader.readLine (LineReader.java:39), called from ...".
 */
final class EventThreadStack {

    private EventThreadStack() {
    }

    /**
     * Where the event thread waits (for a line from the network, a lock, a sleep) inside the
     * lesson's code, or null when it does not: idle, or busy in Swing's own code.
     */
    static String waitingInLessonCode() {
        return eventThreads().entrySet().stream()
                .map(thread -> WhereItWaits.waitingIn(thread.getKey(), thread.getValue()))
                .flatMap(Optional::stream).findFirst().orElse(null);
    }

    /** Where the event thread runs the lesson's code, whatever it does there (an endless loop, say). */
    static Optional<String> runningInLessonCode() {
        return eventThreads().values().stream().map(WhereItWaits::lessonFrames).flatMap(Optional::stream).findFirst();
    }

    private static Map<Thread, StackTraceElement[]> eventThreads() {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        all.keySet().removeIf(thread -> !thread.getName().startsWith("AWT-EventQueue"));
        return all;
    }
}
