package chatkit.lesson2.testkit;

import chatkit.testkit.StepTimeouts;
import chatkit.testkit.TestPeer;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * Does a method wait for an object's lock? Decided every time, not by luck: a race between threads
 * shows only when they happen to run at the same moment, which a busy computer makes rare, but a
 * method that takes the lock always waits while another thread holds it.
 */
public final class Locks {

    private Locks() {
    }

    /**
     * Calls {@code call} on a thread of its own while this thread holds {@code lock}'s monitor (as
     * a synchronized method of another thread would): true if the call had to wait for that lock,
     * false if it ran straight through. The caller is watched until it either waits for that lock
     * (not some other one, such as System.out's for a moment) or has finished. What the call threw
     * is thrown here.
     */
    public static boolean waitsForTheLock(Object lock, Callable<?> call) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                call.call();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "another client's thread");
        caller.setDaemon(true);
        boolean waited;
        synchronized (lock) {
            caller.start();
            Awaitility.await().atMost(TestPeer.WAIT).pollInterval(Duration.ofMillis(1)).until(() ->
                    waitsFor(caller, lock) || caller.getState() == Thread.State.TERMINATED);
            waited = waitsFor(caller, lock);
        }
        caller.join(TestPeer.WAIT.toMillis());
        if (caller.isAlive()) {
            StepTimeouts.waitRanOut();
            throw new StepTimeouts.Hang("the call had not returned " + TestPeer.WAIT.toSeconds()
                    + " s after the lock was free");
        }
        if (failure.get() instanceof Error error) {
            throw error;
        }
        if (failure.get() instanceof Exception exception) {
            throw exception;
        }
        return waited;
    }

    /** True while {@code thread} is blocked waiting for {@code lock}'s monitor. */
    private static boolean waitsFor(Thread thread, Object lock) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId());
        LockInfo blockedOn = info == null ? null : info.getLockInfo();
        return info != null && info.getThreadState() == Thread.State.BLOCKED && blockedOn != null
                && blockedOn.getIdentityHashCode() == System.identityHashCode(lock);
    }
}
