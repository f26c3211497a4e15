package chatkit.lesson2.testkit;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs part of the code under test (a server, a client, a conversation) on its own thread, the
 * way it runs for real, and hands its failure to the test at once.
 *
 * Every helper that waits (for a line, for a client, for text on a screen) calls
 * {@link #rethrowAnyFailure()} while it waits, so an unfinished TODO on a background thread fails
 * the test in milliseconds with its own message, instead of a silent time-out.
 */
public final class Background<T> implements AutoCloseable {

    private static final Set<Background<?>> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Duration SLICE = Duration.ofMillis(20);

    private final String name;
    private final Thread thread;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Background(String name, Callable<T> task) {
        this.name = name;
        this.thread = new Thread(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "test-" + name);
        this.thread.setDaemon(true); // a stuck student thread never keeps the test JVM alive
    }

    /** Starts {@code task} on a new thread called {@code name} ("server", "client", ...). */
    public static <T> Background<T> start(String name, Callable<T> task) {
        Background<T> background = new Background<>(name, task);
        RUNNING.add(background);
        background.thread.start();
        return background;
    }

    /** Throws, as a test failure, the first failure of any background task of this test. */
    public static void rethrowAnyFailure() {
        for (Background<?> background : RUNNING) {
            background.rethrowIfFailed();
        }
    }

    /**
     * What the background tasks that already finished returned, as " (meanwhile the conversation
     * returned FRIEND_HUNG_UP)", or "" if none did: when a line never comes, this is often why.
     */
    public static String finishedSummary() {
        StringBuilder summary = new StringBuilder();
        for (Background<?> background : RUNNING) {
            if (background.result.isDone() && !background.result.isCompletedExceptionally()) {
                summary.append(summary.length() == 0 ? " (meanwhile " : ", ").append("the ").append(background.name)
                        .append(" had already returned ").append(background.result.getNow(null));
            }
        }
        return summary.length() == 0 ? "" : summary.append(")").toString();
    }

    /** Stops every background task of the test; the step extension calls this after each test. */
    public static void closeAll() {
        for (Background<?> background : RUNNING) {
            background.close();
        }
    }

    /** Throws, as a test failure, this task's failure if it failed. */
    public void rethrowIfFailed() {
        if (result.isCompletedExceptionally()) {
            try {
                result.getNow(null);
            } catch (Exception e) {
                throw asFailure(e.getCause() == null ? e : e.getCause());
            }
        }
    }

    public boolean isDone() {
        return result.isDone();
    }

    /**
     * Waits for the task to finish and returns its result. Fails at once if this or any other
     * background task fails, and fails after {@code limit} if it is still running.
     */
    public T await(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            rethrowAnyFailure();
            try {
                return result.get(SLICE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the " + name + " was still running after " + limit.toSeconds()
                            + " s: it waits for something that never comes (a line, a client, a close?)");
                }
            } catch (ExecutionException e) {
                throw asFailure(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the " + name, e);
            }
        }
    }

    @Override
    public void close() {
        RUNNING.remove(this);
        if (!result.isDone()) {
            thread.interrupt();
        }
    }

    private AssertionError asFailure(Throwable cause) {
        if (cause instanceof AssertionError) {
            return (AssertionError) cause;
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause instanceof UnsupportedOperationException ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new AssertionError(message + " (thrown on the " + name + "'s thread)", cause);
    }
}
