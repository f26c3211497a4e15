package chatkit.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs part of the code under test (a server, a client handler, a reader) on its own thread, the
 * way it runs for real, and hands its failure to the test at once.
 *
 * Every helper that waits (for a line, for a client, for text on a screen) calls
 * {@link #rethrowAnyFailure()} while it waits, so an unfinished TODO on a background thread fails
 * the test in milliseconds with its own message, instead of a silent time-out.
 *
 * The threads your code starts from there (one per client, say) belong to the same thread group,
 * so if one of them dies of an exception, that failure reaches the test at once too.
 *
 * Threads that belong to no such task, above all Swing's event dispatch thread (and SwingWorker
 * threads), report to the test through the default uncaught-exception handler that this class
 * installs: an exception in the window's code fails the test at once too.
 *
 * One kind of failure is left out while a test waits: "TODO K not done" for a step K that the
 * test's own step does not need. A test of step 1 runs the whole server, whose client threads
 * soon reach step 4's TODO; that must not fail step 1 before you have even read step 4.
 */
public final class Background<T> implements AutoCloseable {

    private static final Set<Background<?>> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Duration SLICE = Duration.ofMillis(20);
    /** The steps whose unfinished TODOs count in this test (its own and those it needs); null: every failure counts. */
    private static volatile Set<Integer> stepsThatCount;
    /** Failures of threads outside every task (the event dispatch thread, say), during this test. */
    private static final java.util.Queue<Throwable> OTHER_THREADS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final java.util.Map<Throwable, String> OTHER_THREAD_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            OTHER_THREAD_NAMES.put(failure, thread.getName());
            OTHER_THREADS.add(failure);
            signalFailure();
        });
    }

    /** Notified whenever a background task or one of its threads fails. */
    private static final Object FAILED = new Object();

    private final String name;
    private final Thread thread;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile Throwable threadFailure;
    private volatile String failedThread;

    private Background(String name, Callable<T> task) {
        this.name = name;
        // Threads inherit the group of the thread that creates them: every thread your code
        // starts from this task lands here, and an exception that ends one is recorded.
        ThreadGroup group = new ThreadGroup("test-" + name) {
            @Override
            public void uncaughtException(Thread thread, Throwable failure) {
                if (threadFailure == null) {
                    failedThread = thread.getName();
                    threadFailure = failure;
                }
                signalFailure();
            }
        };
        this.thread = new Thread(group, () -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
                signalFailure();
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

    /**
     * Runs {@code work} on {@code threads} threads released at the same moment (a race on
     * purpose), and returns what each returned, in order. Fails like {@link #await} if one fails.
     */
    public static <R> List<R> allAtOnce(int threads, IntFunction<R> work) {
        CountDownLatch start = new CountDownLatch(1);
        List<Background<R>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            workers.add(start("thread " + (i + 1) + " of " + threads, () -> {
                start.await();
                return work.apply(index);
            }));
        }
        start.countDown();
        List<R> results = new ArrayList<>();
        for (Background<R> worker : workers) {
            results.add(worker.await(TestPeer.WAIT.multipliedBy(2)));
        }
        return results;
    }

    /** Throws, as a test failure, the first failure of any background task of this test, or of another thread. */
    public static void rethrowAnyFailure() {
        for (Background<?> background : RUNNING) {
            background.rethrowIfFailed();
        }
        for (Throwable failure : OTHER_THREADS) {
            if (!notThisTestsStep(failure)) {
                throw new AssertionError(describe(failure) + " (thrown on thread " + OTHER_THREAD_NAMES.get(failure)
                        + place(failure) + ")" + advice(failure), failure);
            }
        }
    }

    /**
     * Called before each test (by {@link StepMessages}): only unfinished TODOs of these steps
     * fail the test while it waits; null makes every failure count.
     */
    public static void countOnlySteps(Set<Integer> steps) {
        stepsThatCount = steps;
    }

    /** True for "TODO K not done" of a step this test does not need. */
    private static boolean notThisTestsStep(Throwable failure) {
        Set<Integer> steps = stepsThatCount;
        if (steps == null || !(failure instanceof UnsupportedOperationException)) {
            return false;
        }
        Optional<Integer> todo = Steps.unfinishedTodo(failure.getMessage());
        return todo.isPresent() && !steps.contains(todo.get());
    }

    /**
     * For a test that is about to fail anyway (a connection closed when it should not have):
     * waits up to {@code grace} for a background failure that explains it, and throws that
     * instead. A thread that dies of an exception often closes its connection a moment before
     * its exception is recorded.
     */
    public static void rethrowAnyFailureWithin(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (FAILED) {
            while (!anyFailed() && !RUNNING.stream().allMatch(Background::isDone)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    StepTimeouts.waitRanOut();
                    break;
                }
                try {
                    FAILED.wait(Math.max(1, left / 1_000_000)); // woken by the next failure
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        rethrowAnyFailure();
    }

    private static boolean anyFailed() {
        try {
            rethrowAnyFailure();
            return false;
        } catch (AssertionError counted) {
            return true;
        }
    }

    private static void signalFailure() {
        synchronized (FAILED) {
            FAILED.notifyAll();
        }
    }

    /**
     * What the background tasks did meanwhile, as " (meanwhile the conversation had already
     * returned FRIEND_HUNG_UP)" or " (meanwhile the conversation was in Conversation.run
     * (Conversation.java:53))", or "" if nothing is known: when a line never comes, this is often why.
     */
    public static String finishedSummary() {
        StringBuilder summary = new StringBuilder();
        for (Background<?> background : RUNNING) {
            if (background.result.isDone() && !background.result.isCompletedExceptionally()) {
                summary.append(summary.length() == 0 ? " (meanwhile " : "; ").append("the ").append(background.name)
                        .append(" had already returned ").append(background.result.getNow(null));
            } else if (!background.result.isDone()) {
                // Where your code is while the test waits: a loop that never ends, or a wait of its own.
                Optional<String> where = WhereItWaits.in(background.thread);
                if (where.isPresent()) {
                    summary.append(summary.length() == 0 ? " (meanwhile " : "; ").append("the ").append(background.name)
                            .append(" was in ").append(where.get());
                }
            }
        }
        return summary.length() == 0 ? "" : summary.append(")").toString();
    }

    /** Stops every background task of the test, and forgets other threads' failures; called after each test. */
    public static void closeAll() {
        for (Background<?> background : RUNNING) {
            background.close();
        }
        OTHER_THREADS.clear();
        OTHER_THREAD_NAMES.clear();
    }

    /** Throws, as a test failure, this task's failure if it failed, or that of a thread it started. */
    public void rethrowIfFailed() {
        Throwable failure = threadFailure;
        if (failure != null && !notThisTestsStep(failure)) {
            throw asFailure(failure, "thread " + failedThread + ", which the " + name + " started");
        }
        if (result.isCompletedExceptionally()) {
            try {
                result.getNow(null);
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (!notThisTestsStep(cause)) {
                    throw asFailure(cause, "the " + name + "'s thread");
                }
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
                    throw new StepTimeouts.Hang("the " + name + " was still running after " + limit.toSeconds()
                            + " s: it waits for something that never comes (a line, a client, a close?)"
                            + WhereItWaits.in(thread).map(where -> ". It is in " + where).orElse(""));
                }
            } catch (ExecutionException e) {
                throw asFailure(e.getCause(), "the " + name + "'s thread");
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

    private AssertionError asFailure(Throwable cause, String where) {
        if (cause instanceof AssertionError) {
            return (AssertionError) cause;
        }
        return new AssertionError(describe(cause) + " (thrown on " + where + place(cause) + ")" + advice(cause), cause);
    }

    /** ", in Conversation.run (Conversation.java:31)", or nothing (see {@link WhereItWaits#thrownIn}). */
    private static String place(Throwable failure) {
        return WhereItWaits.thrownIn(failure).map(where -> ", in " + where).orElse("");
    }

    /** A failure in a line: its message alone for an unfinished TODO, with its kind otherwise. */
    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure instanceof UnsupportedOperationException ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** What a beginner may not know about the failure, or nothing. */
    private static String advice(Throwable failure) {
        return failure instanceof OutOfMemoryError
                ? ": your code ran out of memory. Does a loop keep adding to a list, a string or the screen, and never end?"
                : "";
    }
}
