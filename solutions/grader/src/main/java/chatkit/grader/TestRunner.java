// @kit:instructor-only
package chatkit.grader;

import chatkit.grader.ResultLine.Status;
import chatkit.grader.ResultLine.TestKey;
import chatkit.testkit.StepTimeouts;
import chatkit.testkit.Steps;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.PackageNameFilter.includePackageNames;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs in the test JVM the grader starts for one submission and one lesson: runs the lesson's
 * step tests (visible and hidden) against the student's classes and writes one line per event to
 * the results file as it happens, flushed at once. So whatever ends this JVM (System.exit in
 * student code, a crash, the grader killing it after a hang), every result already written stays.
 *
 * Nothing is read from standard output: student code may print anything there. The results go
 * over a Unix domain socket to the grader, which takes one connection only: this runner connects
 * before any student class loads (the socket's path and a nonce come on standard input). The
 * connection lives in this object only, never in a static field, and the JVM is started so that
 * student code cannot reach it by other means (no Unsafe, no heap dumps, no native code, no
 * /proc in the sandbox: see the grader's IsolatedTests and Sandbox).
 *
 * The lines are {@link ResultLine}s: a plan of every run first, then START and DONE per test,
 * BROKEN for a class that could not start, TIMEOUT and RESTART after a time-out (this JVM ends,
 * the grader goes on in a fresh one), END, FAILED when the runner itself fails (JUnit lets an
 * OutOfMemoryError through), and EXIT from a shutdown hook when something else ends the JVM with
 * System.exit.
 *
 * Standard input: NONCE and SOCKET_FILE, one per line.
 * Arguments: SKIP_FILE PACKAGE RUNS VISIBLE_TEST_DIR HIDDEN_TEST_DIR, where RUNS says
 * how many times each step's tests run ("1:1,2:3,..."), and SKIP_FILE is a {@link SkipList}.
 */
public final class TestRunner {

    /** How long a finished test's own threads (a server's client threads, say) get to end. */
    private static final long SETTLE_MILLIS = 1000;

    /**
     * How long a finished test's threads in I/O or waiting for a lock get to finish what they do
     * after it (the socket the test closed ends their read). Only threads in I/O, for 20 ms, was too
     * little on a busy machine: a System.exit in a client thread's leave() then landed in the next
     * test or between tests, and one sample's grade changed from run to run.
     */
    private static final long WAKE_MILLIS = 250;

    private final Writer results;
    /** The step parts already written down as timed out (by this JVM, or by the grader for an earlier one). */
    private final Set<String> reportedTimeouts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean finished;
    private volatile boolean exiting;

    private TestRunner(Writer results) {
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        java.io.BufferedReader input = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                StandardCharsets.UTF_8));
        String nonce = input.readLine();
        java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(input.readLine()));
        Writer results = new OutputStreamWriter(java.nio.channels.Channels.newOutputStream(channel),
                StandardCharsets.UTF_8);
        results.write(nonce + "\n");
        results.flush();
        SkipList skipList = SkipList.read(Paths.get(args[0]));
        skipList.timedOutParts().forEach(StepTimeouts::timedOut);
        skipList.failedSteps().forEach(StepTimeouts::failed);
        Set<TestKey> skip = skipList.begun();
        String lessonPackage = args[1];
        Map<Integer, Integer> runs = parseRuns(args[2]);
        Set<Path> roots = Set.of(Paths.get(args[3]), Paths.get(args[4]));

        TestRunner runner = new TestRunner(results);
        runner.reportedTimeouts.addAll(skipList.timedOutParts());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!runner.finished) {
                // System.exit in student code. Tests go on running while the JVM shuts down:
                // nothing they report from now on counts.
                runner.write(new ResultLine.Exit());
                runner.exiting = true;
                endProcessesStarted();
            }
        }));
        int maxRuns = runs.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        // Nothing found through META-INF/services either: a hand-in's classes folder could carry
        // a listener, a filter or an engine of its own.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines((org.junit.platform.engine.TestEngine) Class.forName(
                        "org.junit.jupiter.engine.JupiterTestEngine").getDeclaredConstructor().newInstance())
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false).build());
        // Every run's plan first: if this JVM ends early, the grader still knows every test of
        // every run, and a step whose later runs never happened cannot pass.
        // One search of the class path serves every run (run 0: every step test, none skipped).
        TestPlan everyStepTest = launcher.discover(request(0, lessonPackage, runs, roots, skip, 0, Set.of()));
        Map<Integer, Map<Integer, Set<String>>> stepsOfRun = new HashMap<>(); // run -> step -> its test classes
        for (int run = 1; run <= maxRuns; run++) {
            stepsOfRun.put(run, runner.plan(everyStepTest, run, runs, skip));
        }
        try {
            for (int run = 1; run <= maxRuns; run++) {
                // One step at a time, in order, across all test classes: a step's tests come after
                // those of the steps it builds on (a step built on one that hangs is then not run,
                // StepTimeouts), and if the submission's time runs out, the last steps are left.
                for (Map.Entry<Integer, Set<String>> step : stepsOfRun.get(run).entrySet()) {
                    runner.runOnce(launcher, request(run, lessonPackage, runs, roots, skip, step.getKey(),
                            step.getValue()), run);
                }
            }
        } catch (Throwable failure) {
            // JUnit lets an OutOfMemoryError through and ends the whole run: say so before this
            // JVM ends, or its shutdown would look like System.exit. (The failed test's objects
            // are gone by now, so there is memory again to write the line.)
            runner.write(new ResultLine.Failed(String.valueOf(failure), failure instanceof OutOfMemoryError));
            endProcessesStarted();
            Runtime.getRuntime().halt(1);
        }
        runner.finished = true;
        runner.write(new ResultLine.End());
        // Student code may leave threads and processes running: end here, without anyone's shutdown hooks.
        endProcessesStarted();
        Runtime.getRuntime().halt(0);
    }

    /**
     * Ends the processes this JVM started (a test's reference server, or student code's own).
     * In the grader's sandbox there is no /proc to find them by: there they end with this JVM,
     * because they live in its process namespace.
     */
    private static void endProcessesStarted() {
        try {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (RuntimeException noProc) {
            // in the sandbox: see above
        }
    }

    /**
     * The step tests of {@code run}: of every step, found on the class path, when {@code onlyStep}
     * is 0; else of that step only, in {@code classes} (found by the plan: no second search).
     * Run 0 is every step test, none skipped: what the plans of all runs are chosen from.
     */
    private static LauncherDiscoveryRequest request(int run, String lessonPackage, Map<Integer, Integer> runs,
            Set<Path> roots, Set<TestKey> skip, int onlyStep, Set<String> classes) {
        PostDiscoveryFilter thisRun = descriptor -> {
            // Called for tests and for test templates (parameterized tests), which hold their runs.
            Optional<Integer> step = Steps.stepOf(descriptor.getTags().stream().map(TestTag::getName)
                    .collect(Collectors.toSet()));
            if (step.isEmpty() || runs.getOrDefault(step.get(), 0) < run) {
                return FilterResult.excluded("not a step test of this run");
            }
            if (onlyStep != 0 && step.get() != onlyStep) {
                return FilterResult.excluded("another step");
            }
            if (skip.contains(new TestKey(run, descriptor.getUniqueId().toString()))) {
                return FilterResult.excluded("already run");
            }
            return FilterResult.included("step test");
        };
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(onlyStep == 0 ? selectClasspathRoots(roots)
                        : classes.stream().map(DiscoverySelectors::selectClass).collect(Collectors.toList()))
                .filters(includePackageNames(lessonPackage), includeClassNamePatterns(".*Test"), thisRun)
                .configurationParameter("junit.jupiter.execution.timeout.default",
                        System.getProperty("chatkit.grader.testTimeout", "10 s"))
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                // No extension a hand-in could slip in through META-INF/services: only those the tests name.
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                // Step 1's tests first: if the submission's time runs out, the last steps are left.
                .configurationParameter("junit.jupiter.testclass.order.default", ByStep.Classes.class.getName())
                .configurationParameter("junit.jupiter.testmethod.order.default", ByStep.Methods.class.getName())
                .build();
    }

    /**
     * Writes down the tests of one run (those of {@code plan} whose step runs that often, less
     * those already run); returns their steps, in order, each with its test classes. The same
     * choice as {@link #request}'s filter makes for that run.
     */
    private Map<Integer, Set<String>> plan(TestPlan plan, int run, Map<Integer, Integer> runs, Set<TestKey> skip) {
        Map<Integer, Set<String>> steps = new java.util.TreeMap<>();
        // What this run will run: each test method (a parameterized one counts as one, however
        // many times it runs), so the grader knows what never ran if this JVM ends early.
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                boolean inThisRun = stepOf(test).map(step -> runs.getOrDefault(step, 0) >= run).orElse(false)
                        && !skip.contains(new TestKey(run, test.getUniqueId()));
                if (inThisRun && (test.isTest() || isMethod(test))) {
                    write(new ResultLine.Plan(new TestKey(run, test.getUniqueId()), stepOf(test).orElse(0),
                            test.getUniqueId().contains(".hidden."), name(plan, test)));
                    Optional<String> testClass = test.getSource().filter(MethodSource.class::isInstance)
                            .map(source -> ((MethodSource) source).getClassName())
                            .map(name -> name.contains("$") ? name.substring(0, name.indexOf('$')) : name);
                    stepOf(test).ifPresent(step -> testClass.ifPresent(name ->
                            steps.computeIfAbsent(step, k -> new java.util.TreeSet<>()).add(name)));
                }
            }
        }
        return steps;
    }

    private void runOnce(Launcher launcher, LauncherDiscoveryRequest request, int run) {
        Map<String, TestPlan> plans = new HashMap<>();
        Map<String, Set<Thread>> threadsBefore = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Long> startedAt = new java.util.concurrent.ConcurrentHashMap<>();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void testPlanExecutionStarted(TestPlan started) {
                plans.put("plan", started);
            }

            @Override
            public void executionStarted(TestIdentifier test) {
                if (test.isTest()) {
                    threadsBefore.put(test.getUniqueId(), Thread.getAllStackTraces().keySet());
                    startedAt.put(test.getUniqueId(), System.nanoTime());
                    write(new ResultLine.Start(new TestKey(run, test.getUniqueId()), name(plans.get("plan"), test)));
                }
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    write(new ResultLine.Done(new TestKey(run, test.getUniqueId()), Status.ABORTED, reason, 0));
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                String message = result.getThrowable().map(TestRunner::describe).orElse("");
                if (test.isTest()) {
                    boolean timedOut = result.getThrowable().map(TestRunner::isTimeOut).orElse(false);
                    if (!timedOut) {
                        // Whatever the test's threads still do (a client thread leaving after the
                        // server closed, System.exit included) belongs to this test, not the next.
                        settle(threadsBefore.remove(test.getUniqueId()));
                    }
                    Long since = startedAt.remove(test.getUniqueId());
                    write(new ResultLine.Done(new TestKey(run, test.getUniqueId()), Status.valueOf(result.getStatus().name()),
                            message, since == null ? 0 : (System.nanoTime() - since) / 1_000_000));
                    // The step parts that timed out (the tests' StepMessages recorded them), at once:
                    // whatever ends this JVM, the fresh one is told to skip the rest of those parts.
                    StepTimeouts.all().stream().filter(reportedTimeouts::add)
                            .forEach(part -> write(new ResultLine.TimedOut(part)));
                    if (timedOut) {
                        // The timed-out code may still run on threads of its own (an endless loop
                        // keeps a core busy): end this JVM, and the grader goes on in a fresh one.
                        write(new ResultLine.Restart());
                        endProcessesStarted();
                        Runtime.getRuntime().halt(0);
                    }
                    if (eventThreadStuck()) {
                        // Swing's one event thread is stuck (student code runs a blocking read
                        // there, say): every later test that meets it would fail by chance of
                        // order. Go on in a fresh JVM, with a fresh event thread.
                        write(new ResultLine.Restart());
                        endProcessesStarted();
                        Runtime.getRuntime().halt(0);
                    }
                } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    // A class that could not even start (its set-up failed): its tests never run.
                    write(new ResultLine.Broken(new TestKey(run, test.getUniqueId()), message));
                }
            }
        });
    }

    /**
     * Gives the threads started since {@code before} a moment to finish what they do after the
     * test (a client thread that leaves once the test closed its server): first up to
     * {@link #WAKE_MILLIS} for those in I/O or waiting for a lock, then up to a second for those
     * still running Java code.
     */
    private static void settle(Set<Thread> before) {
        if (before == null) {
            return;
        }
        long start = System.nanoTime();
        while (true) {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            Thread busy = null;
            for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                Thread t = thread.getKey();
                StackTraceElement[] stack = thread.getValue();
                Thread.State state = t.getState();
                boolean active = state == Thread.State.RUNNABLE || state == Thread.State.BLOCKED;
                if (before.contains(t) || t == Thread.currentThread() || !active || longLived(t, stack)) {
                    continue;
                }
                // At first a thread of the test counts when it is in I/O or waits for a lock: it
                // may be a step away from what it does last (a client thread that leaves, and calls
                // System.exit). After that, only those running Java code. Parked threads (an idle
                // pool, a queue's taker) do nothing until something happens: not waited for.
                boolean inJavaCode = t.getState() == Thread.State.RUNNABLE && stack.length > 0
                        && !stack[0].isNativeMethod();
                if (inJavaCode || elapsed < WAKE_MILLIS) {
                    busy = t;
                    break;
                }
            }
            long left = (elapsed < WAKE_MILLIS ? WAKE_MILLIS : SETTLE_MILLIS) - elapsed;
            if (busy == null || left <= 0) {
                return;
            }
            try {
                busy.join(Math.min(left, 10)); // then look again: it may have started others
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean longLived(Thread thread, StackTraceElement[] stack) {
        String name = thread.getName();
        if (name.startsWith("junit-") || name.startsWith("AWT-") || name.startsWith("Java2D") || name.startsWith("process reaper")
                || name.equals("TimerQueue") || name.startsWith("Attach") || name.startsWith("Common-Cleaner")) {
            return true;
        }
        for (StackTraceElement frame : stack) {
            if (frame.getMethodName().equals("getTask") && frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                    || frame.getMethodName().equals("awaitWork") && frame.getClassName().equals("java.util.concurrent.ForkJoinPool")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMethod(TestIdentifier test) {
        return test.getSource().map(source -> source instanceof MethodSource).orElse(false);
    }

    /** "ClassDisplayName > test display name" for a test, its parameters included. */
    private static String name(TestPlan plan, TestIdentifier test) {
        String name = test.getDisplayName();
        Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(test);
        while (parent.isPresent() && parent.get().getSource().isPresent()
                && !(parent.get().getSource().get() instanceof ClassSource)) {
            name = parent.get().getDisplayName() + " " + name;
            parent = plan.getParent(parent.get());
        }
        return name;
    }

    /** The failure's message, or its kind and its first cause's message when it has none. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = failure.getCause();
            message = failure.getClass().getName() + (cause == null ? "" : " caused by " + cause);
        }
        if (failure instanceof LinkageError && !message.contains(failure.getClass().getSimpleName())) {
            message = failure.getClass().getSimpleName() + ": " + message;
        }
        return message.length() > 4000 ? message.substring(0, 4000) + "..." : message;
    }

    private static Optional<Integer> stepOf(TestIdentifier test) {
        return Steps.stepOf(test.getTags().stream().map(TestTag::getName).collect(Collectors.toSet()));
    }

    /**
     * True when Swing's event thread exists (a lesson-3 test used it) and does not run a task
     * within a second: the test that just ended left it stuck.
     */
    private static boolean eventThreadStuck() {
        boolean exists = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("AWT-EventQueue") && thread.isAlive());
        if (!exists) {
            return false;
        }
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
        java.awt.EventQueue.invokeLater(ran::countDown);
        try {
            return !ran.await(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A failure by JUnit's time limit (the tests' step messages keep it as the cause). */
    private static boolean isTimeOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static Map<Integer, Integer> parseRuns(String text) {
        Map<Integer, Integer> runs = new HashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":");
            runs.put(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
        return runs;
    }

    private synchronized void write(ResultLine line) {
        if (exiting) {
            return;
        }
        try {
            results.write(line.text() + "\n");
            results.flush();
        } catch (IOException e) {
            Runtime.getRuntime().halt(70); // nowhere to report to: the grader sees the JVM end
        }
    }
}
