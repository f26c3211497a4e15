// @kit:instructor-only
package chatkit.grader;

import chatkit.grader.ResultLine.Status;
import chatkit.grader.ResultLine.TestKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the test JVMs of one submission and lesson reported, line by line from their results
 * files: the tests each run plans, which started, how each ended. Tests that never got a result
 * (their JVM ended, the time ran out) are given one in words by the grader.
 */
final class TestResults {

    /** A test method of one run: its step, whether it is hidden, its name. */
    record Planned(TestKey test, int step, boolean hidden, String name) {

        /** True for this test method's result in its run: itself, or one run of a parameterized test. */
        boolean covers(TestKey result) {
            return result.run() == test.run() && (result.id().equals(test.id()) || result.id().startsWith(test.id() + "/"));
        }
    }

    /** How one test (or one run of a parameterized test) ended. */
    record Result(TestKey test, Status status, String name, String message, long millis) {
        int run() {
            return test.run();
        }

        boolean passed() {
            return status == Status.SUCCESSFUL;
        }

        /** Skipped (an assumption, say): neither a pass nor a failure. */
        boolean neutral() {
            return status == Status.ABORTED;
        }
    }

    private final Map<TestKey, Planned> plan = new LinkedHashMap<>();
    private final Map<TestKey, String> started = new LinkedHashMap<>(); // -> name
    private final Map<TestKey, Result> results = new LinkedHashMap<>();
    private final Map<TestKey, String> broken = new LinkedHashMap<>(); // container -> message
    private final Set<String> timedOutParts = new TreeSet<>();
    private boolean restart;
    private boolean ended;
    private boolean exitCalled;
    private boolean outOfMemory;

    /** Takes one line from the runner; true if it shows progress (a test started or ended). */
    boolean accept(String line) {
        return accept(ResultLine.parse(line));
    }

    private boolean accept(ResultLine line) {
        // (A switch over the kinds needs Java 21; the kit builds for 17.)
        if (line instanceof ResultLine.Plan p) {
            plan.putIfAbsent(p.test(), new Planned(p.test(), p.step(), p.hidden(), p.name()));
        } else if (line instanceof ResultLine.Start s) {
            started.put(s.test(), s.name());
            return true;
        } else if (line instanceof ResultLine.Done d) {
            // One result per test: the first stands.
            if (!results.containsKey(d.test())) {
                results.put(d.test(), new Result(d.test(), d.status(), nameOf(d.test()), d.message(), d.millis()));
                return true;
            }
        } else if (line instanceof ResultLine.Broken b) {
            broken.put(b.container(), b.message());
        } else if (line instanceof ResultLine.TimedOut t) {
            timedOutParts.add(t.part());
        } else if (line instanceof ResultLine.Restart) {
            restart = true;
        } else if (line instanceof ResultLine.End) {
            ended = true;
        } else if (line instanceof ResultLine.Exit) {
            exitCalled = true;
        } else if (line instanceof ResultLine.Failed f) {
            outOfMemory |= f.outOfMemory();
        }
        return false;
    }

    private String nameOf(TestKey test) {
        return started.containsKey(test) ? started.get(test) : plan.containsKey(test) ? plan.get(test).name() : test.id();
    }

    /** Before a new JVM starts: forget how the last one ended. */
    void newJvm() {
        ended = false;
        exitCalled = false;
        outOfMemory = false;
        restart = false;
    }

    boolean ended() {
        return ended;
    }

    /** The JVM ended itself after a time-out, to go on in a fresh one. */
    boolean restartAsked() {
        return restart;
    }

    /** The step parts where a test timed out ({@link chatkit.testkit.StepTimeouts#part}). */
    Set<String> timedOutParts() {
        return timedOutParts;
    }

    boolean exitCalled() {
        return exitCalled;
    }

    /** The runner ended its JVM because memory ran out. */
    boolean outOfMemory() {
        return outOfMemory;
    }

    int resultCount() {
        return results.size();
    }

    /** Tests that started and have no result: the ones running when a JVM ended. */
    List<TestKey> inFlight() {
        return started.keySet().stream().filter(key -> !results.containsKey(key)).collect(Collectors.toList());
    }

    /** Gives a test that never finished a failing result with the grader's words. */
    void lost(TestKey test, String reason) {
        results.put(test, new Result(test, Status.LOST, started.getOrDefault(test, test.id()), reason, 0));
    }

    /**
     * Each planned test method that has begun or already has a result (a skipped test has one
     * without having begun): a fresh JVM must not run it again.
     */
    Set<TestKey> begun() {
        Set<TestKey> begun = new java.util.LinkedHashSet<>();
        for (TestKey key : started.keySet()) {
            planned(key).ifPresent(p -> begun.add(p.test()));
        }
        for (TestKey key : results.keySet()) {
            planned(key).ifPresent(p -> begun.add(p.test()));
        }
        return begun;
    }

    /** The planned test method a test belongs to (itself, or a parameterized test's method). */
    private Optional<Planned> planned(TestKey test) {
        return plan.values().stream().filter(p -> p.covers(test)).findFirst();
    }

    /** After the last JVM: every planned test without a result gets one, saying why. */
    void finish(String reasonForTheRest) {
        for (Planned p : plan.values()) {
            if (!resultsOf(p).isEmpty()) {
                continue;
            }
            String reason = broken.entrySet().stream()
                    .filter(b -> b.getKey().run() == p.test().run() && p.test().id().startsWith(b.getKey().id()))
                    .map(b -> "could not start: " + b.getValue()).findFirst().orElse(reasonForTheRest);
            results.put(p.test(), new Result(p.test(), Status.LOST, p.name(), reason, 0));
        }
    }

    /** The steps with a test that failed (not one that the rules above left unrun). */
    Set<Integer> failedSteps() {
        Set<Integer> failed = new TreeSet<>();
        for (Planned planned : plan.values()) {
            if (resultsOf(planned).stream().anyMatch(r -> !r.passed() && !r.neutral())) {
                failed.add(planned.step());
            }
        }
        return failed;
    }

    List<Planned> plan() {
        return new ArrayList<>(plan.values());
    }

    /** The results of a planned test method (one, or one per run of a parameterized test). */
    List<Result> resultsOf(Planned p) {
        return results.values().stream().filter(r -> p.covers(r.test())).collect(Collectors.toList());
    }
}
