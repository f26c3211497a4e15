package chatkit.testkit;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one rule about time-outs: once a test of a step has timed out, that step's other tests fail
 * at once instead of waiting out their own time limits. Code that never returns (an endless
 * loop, say) then costs one time-out, not one per test. A time-out is the test's own time limit,
 * or a {@link Hang}: a helper that gave up waiting for the code under test. {@link StepMessages}
 * applies the rule to every step test; the instructor's grader passes on what timed out to each
 * fresh JVM it goes on in.
 *
 * A step that builds on a step whose tests timed out is not run either: its tests would only wait
 * for the same code, and its points wait for that step anyway.
 *
 * A step's visible and hidden tests (the instructor's) count apart. The rule is off with
 * {@code -Dchatkit.stopStepAfterTimeout=false} (the reference's own build judges every test alone).
 */
public final class StepTimeouts {

    /** The start of the message of a test that was not run because of this rule. */
    public static final String NOT_RUN = "not run, because an earlier test of this step timed out";

    /** The same, for a test of a step that builds on one that timed out (it would only wait too). */
    public static final String NOT_RUN_NEEDS = "not run, because it builds on step %d, whose tests timed out";

    /**
     * The same, in the grader's runs of a hand-in, for a test of a step that builds on a step that
     * failed: the grader judges it in a run of its own, with the reference's code standing in
     * for that step (so the tests here would only be waited for and thrown away).
     */
    public static final String NOT_RUN_FAILED = "not run, because it builds on step %d, which does not pass"
            + " (it is graded with the reference's code for that step instead)";

    private static final boolean ON = !"false".equals(System.getProperty("chatkit.stopStepAfterTimeout"));

    /** The grader sets this: steps built on a failed step are not run (see {@link #NOT_RUN_FAILED}). */
    private static final boolean SKIP_BUILT_ON_FAILED = Boolean.getBoolean("chatkit.grader.skipBuiltOnFailed");

    /** The steps with a failed test, where {@link #SKIP_BUILT_ON_FAILED} is on. */
    private static final Set<Integer> FAILED = ConcurrentHashMap.newKeySet();

    /** "lesson-02-steps.properties#3" (visible) or "lesson-02-steps.properties#3 hidden". */
    private static final Set<String> TIMED_OUT = ConcurrentHashMap.newKeySet();

    private StepTimeouts() {
    }

    /**
     * A test gave up waiting for code that never came back (a call that should return at once, or
     * Swing's event thread kept busy): a time-out like the test's own, with words that say where.
     */
    public static final class Hang extends AssertionError {
        private static final long serialVersionUID = 1L;

        public Hang(String message) {
            super(message);
        }
    }

    /** The part of a step a test belongs to: its lesson's manifest, its step, visible or hidden. */
    public static String part(Class<?> testClass, int step) {
        String name = testClass.getName();
        return visiblePart(testClass, step) + (name.contains(".hidden.") ? " hidden" : "");
    }

    private static String visiblePart(Class<?> testClass, int step) {
        return Steps.manifestFor(testClass.getName()) + "#" + step;
    }

    /**
     * True if the test timed out: its own time limit, a helper's {@link Hang}, or a read of the
     * test's own that timed out (perhaps wrapped by another extension).
     */
    public static boolean isTimeOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof Hang
                    || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Remembers that a test of {@code part} timed out (in this JVM, or in an earlier one). */
    public static void timedOut(String part) {
        if (ON) {
            TIMED_OUT.add(part);
        }
    }

    /** True if a test of {@code part} has timed out: its other tests are not run. */
    public static boolean hasTimedOut(String part) {
        return TIMED_OUT.contains(part);
    }

    /** True if a test of either part (visible or hidden) of {@code step} has timed out. */
    public static boolean stepHasTimedOut(Class<?> testClass, int step) {
        String visible = visiblePart(testClass, step);
        return TIMED_OUT.contains(visible) || TIMED_OUT.contains(visible + " hidden");
    }

    /** Remembers that a test of {@code step} failed (in this JVM, or in an earlier one of the same grading). */
    public static void failed(int step) {
        if (SKIP_BUILT_ON_FAILED) {
            FAILED.add(step);
        }
    }

    /** True if a test of {@code step} failed, in a grader's run: the steps built on it are not run. */
    public static boolean hasFailed(int step) {
        return FAILED.contains(step);
    }

    /** True if {@code message} says a test was not run because of this rule. */
    public static boolean notRun(String message) {
        return message.contains(NOT_RUN) || message.contains(NOT_RUN_NEEDS.substring(0, NOT_RUN_NEEDS.indexOf("%d")));
    }

    /**
     * How many bounded waits of the test helpers have run out in this JVM, including those that
     * end quietly (a read that returns what came, a "still open" answer) instead of throwing.
     * The instructor's proof that starter tests fail at once reads it around each test.
     */
    private static final AtomicInteger WAITS_RUN_OUT = new AtomicInteger();

    /** Said by a test helper whose bounded wait ran out. */
    public static void waitRanOut() {
        WAITS_RUN_OUT.incrementAndGet();
    }

    /** How many bounded waits have run out so far in this JVM (see {@link #waitRanOut()}). */
    public static int waitsRunOut() {
        return WAITS_RUN_OUT.get();
    }

    /** Every part where a test timed out, sorted. */
    public static Set<String> all() {
        return new TreeSet<>(TIMED_OUT);
    }
}
