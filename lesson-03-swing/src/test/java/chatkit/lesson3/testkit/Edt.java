package chatkit.lesson3.testkit;

import chatkit.testkit.Background;
import chatkit.testkit.StepTimeouts;
import chatkit.testkit.TestPeer;
import java.awt.Component;
import java.awt.Container;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.swing.SwingUtilities;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/**
 * The test's way onto Swing's event dispatch thread: everything the window shows (and the chat
 * model) is read and changed there only, by the tests too.
 */
public final class Edt {

    /**
     * How long a test waits for the event thread to run something. Longer than the tests' other
     * waits: the first window of a run loads Swing's fonts and look on the event thread.
     */
    static final Duration EVENT_THREAD_WAIT = TestPeer.WAIT.compareTo(Duration.ofSeconds(5)) > 0 ? TestPeer.WAIT
            : Duration.ofSeconds(5); // (TestPeer.WAIT stretches under a debugger)

    private Edt() {
    }

    /**
     * How long the event thread may sit waiting in one place inside the lesson's code (a read from
     * the server, a lock, a sleep) before a test says so. Code run on the event thread must never wait: a
     * second is far more than any right answer needs, and saves the full wait above.
     */
    static final Duration WAITING_IN_LESSON_CODE = Duration.ofSeconds(1);

    private static final long SLICE_MILLIS = 50;

    /** What to do about an event thread found waiting in the lesson's code. */
    static final String NEVER_WAIT = "A window must never wait on the event thread: read from the server on a thread"
            + " of its own (start() it, do not run() it), and hand lines over with invokeLater.";

    /** Where the event thread was last found waiting in the lesson's code (later calls fail at once). */
    private static volatile String lastFoundWaiting;

    /**
     * Runs {@code task} on the event thread, waits for it, and returns its result (or throws its
     * failure). The wait is bounded: when something else holds the event thread, this fails with
     * words that say so, even where the test's own time limit does not reach (a field of the test
     * class being set up). It fails after {@link #WAITING_IN_LESSON_CODE} when the event thread
     * waits inside the lesson's code (and names where), after {@link #EVENT_THREAD_WAIT} otherwise
     * (an endless loop, say).
     */
    public static <T> T call(Callable<T> task) {
        if (SwingUtilities.isEventDispatchThread()) {
            try {
                return task.call(); // already there (a helper used inside another)
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        FutureTask<T> onEventThread = new FutureTask<>(task);
        SwingUtilities.invokeLater(onEventThread);
        long start = System.nanoTime();
        // Where the event thread has been seen waiting, and since when: on a busy computer it may
        // wait a moment for a lock (loading a class, say) on its way, which is not being stuck.
        String seenWaitingIn = null;
        long seenSince = start;
        while (true) {
            try {
                return onEventThread.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                Duration waited = Duration.ofNanos(now - start);
                String waitingIn = EventThreadStack.waitingInLessonCode();
                if (waitingIn == null || !waitingIn.equals(seenWaitingIn)) {
                    seenWaitingIn = waitingIn;
                    seenSince = now;
                }
                boolean sameAsBefore = waitingIn != null && waitingIn.equals(lastFoundWaiting);
                boolean stillThere = Duration.ofNanos(now - seenSince).compareTo(WAITING_IN_LESSON_CODE) >= 0;
                if (waitingIn != null && (sameAsBefore || stillThere)) {
                    lastFoundWaiting = waitingIn;
                    onEventThread.cancel(false); // if the event thread ever comes back, it skips this
                    throw new StepTimeouts.Hang("The event thread is stuck: it waits in " + waitingIn + ". " + NEVER_WAIT);
                }
                if (waited.compareTo(EVENT_THREAD_WAIT) >= 0) {
                    onEventThread.cancel(false);
                    throw new StepTimeouts.Hang("The event thread is busy and did not come back within "
                            + EVENT_THREAD_WAIT.toSeconds() + " s: something running on it never returns"
                            + EventThreadStack.runningInLessonCode().map(where -> " (it runs " + where + ")").orElse("")
                            + ". A window must never wait or loop on the event thread.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the event thread", e);
            } catch (ExecutionException e) {
                Throwable thrown = e.getCause();
                if (thrown instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw new AssertionError(thrown);
            }
        }
    }

    /** Runs {@code task} on the event thread and waits for it. */
    public static void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Waits (bounded) until {@code check}, run on the event thread, passes; fails with its last
     * failure otherwise, and at once if a background task fails.
     */
    public static void await(String what, Runnable check) {
        try {
            org.awaitility.Awaitility.await(what).atMost(TestPeer.WAIT).pollInterval(Duration.ofMillis(10))
                    .pollInSameThread()
                    .failFast((ThrowingRunnable) Background::rethrowAnyFailure)
                    .untilAsserted(() -> call(() -> {
                        check.run();
                        return null;
                    }));
        } catch (ConditionTimeoutException e) {
            // The last failed check, labelled with what was awaited (as AssertJ's as() labels it):
            // "expected: DISCONNECTED but was: CONNECTING" alone does not say what or where. The
            // time-out stays its cause: a wait that ran out must show as one.
            throw e.getCause() instanceof AssertionError assertion
                    ? new AssertionError("[" + what + "] " + assertion.getMessage().strip(), e)
                    : new AssertionError("within " + TestPeer.WAIT.toSeconds() + " s: " + what, e);
        }
    }

    /** The component called {@code name} inside {@code root} (found on the event thread). */
    public static <T extends Component> T find(Container root, String name, Class<T> type) {
        return call(() -> {
            T found = search(root, name, type);
            if (found == null) {
                throw new AssertionError("no " + type.getSimpleName() + " named \"" + name + "\" in the window");
            }
            return found;
        });
    }

    private static <T extends Component> T search(Container root, String name, Class<T> type) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName()) && type.isInstance(child)) {
                return type.cast(child);
            }
            if (child instanceof Container container) {
                T found = search(container, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
