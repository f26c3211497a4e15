package chatkit.lesson3.testkit;

import chatkit.testkit.Background;
import chatkit.testkit.TestPeer;
import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/**
 * The test's way onto Swing's event dispatch thread: everything the window shows (and the chat
 * model) is read and changed there only, by the tests too.
 */
public final class Edt {

    private Edt() {
    }

    /** Runs {@code task} on the event thread, waits for it, and returns its result (or throws its failure). */
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
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(task.call());
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the event thread", e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new AssertionError(thrown);
        }
        return result.get();
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
            throw e.getCause() instanceof AssertionError assertion ? assertion
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
