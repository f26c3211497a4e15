// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import chatkit.testkit.StepTimeouts;
import chatkit.testkit.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proof 3: on the untouched starter, every visible test of a student step fails, at once, with a
 * message that starts with its own step ("Step N ..."); none passes, none hangs, none is skipped.
 * The hidden tests, compiled against the starter (solutions/hidden-tests), must fail the same way:
 * a hidden test that passes on the starter would give points for nothing. Every test is tagged
 * either with its step or as "provided" (a test of provided code), and provided-code tests pass on
 * the starter.
 *
 * "At once" is judged by how a test failed, not by the clock: no wait of the test may run out (a
 * line, a client or a window that never came), whether it throws a time-out or ends quietly (the
 * test helpers count those: StepTimeouts.waitRanOut), and no test may be skipped by the time-out
 * rule. The build runs these proofs beside the sample class's grading, with both cores busy, where
 * a test that fails at once can still take a second or two; the clock only guards against a
 * hang. How long a student's first run takes is measured, not asserted: docs/performance.md,
 * "Build and grading times".
 *
 * The tests run in this JVM through the JUnit Platform Launcher, with the starter (a dependency
 * of this module) on the class path: the reference is never on it.
 */
class StarterFailsEveryStepProof {

    /**
     * Hang guards, with room for a loaded machine: on a quiet one the slowest lesson (3) takes about
     * 3 s and its slowest test 0.5 s; beside the sample class up to 11 s and 2 s.
     */
    private static final Duration WHOLE_LESSON_LIMIT = Duration.ofSeconds(30);
    private static final Duration ONE_TEST_LIMIT = Duration.ofSeconds(5);

    /**
     * One launcher for every lesson (creating one reads the lessons' junit-platform.properties, with
     * a warning). No auto-registered listeners: the lesson's progress report is for students, not
     * for this run.
     */
    private static final Launcher LAUNCHER = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false).build());


    /** What happened to one test. */
    record Outcome(String name, int step, boolean hidden, boolean provided, TestExecutionResult.Status status,
                   String message, Duration took, boolean waitedOut) {
        @Override
        public String toString() {
            return name + " [step " + step + (hidden ? ", hidden" : "") + "] " + status + " in " + took.toMillis()
                    + " ms" + (waitedOut ? " after waiting out a time limit" : "") + ": " + message;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatkit.checks.Lesson#all")
    void everyStepTestFailsFastNamingItsStep(Lesson lesson) {
        long start = System.nanoTime();
        List<Outcome> all = runAllTests(lesson.packageName());
        Duration whole = Duration.ofNanos(System.nanoTime() - start);

        assertThat(all).as("%s: tests with neither a step-N tag nor the provided tag, or with both (tag each test"
                + " with exactly one: the step it grades, or provided)", lesson)
                .filteredOn(o -> (o.step() > 0) == o.provided()).isEmpty();
        List<Outcome> provided = all.stream().filter(Outcome::provided).collect(Collectors.toList());
        assertThat(provided).as("%s: tests of provided code", lesson).isNotEmpty();
        assertThat(provided).as("%s: tests of provided code must pass on the untouched starter", lesson)
                .filteredOn(o -> o.status() != TestExecutionResult.Status.SUCCESSFUL).isEmpty();
        List<Outcome> outcomes = all.stream().filter(o -> o.step() > 0).collect(Collectors.toList());

        List<Outcome> visible = outcomes.stream().filter(o -> !o.hidden()).collect(Collectors.toList());
        List<Outcome> hidden = outcomes.stream().filter(Outcome::hidden).collect(Collectors.toList());
        Outcome slowest = outcomes.stream().max(Comparator.comparing(Outcome::took)).orElse(null);
        System.out.printf("[proof 3] %s: %d visible and %d hidden step tests ran on the starter in %d ms"
                + " (slowest: %s)%n", lesson, visible.size(), hidden.size(), whole.toMillis(),
                slowest == null ? "none" : slowest.name() + ", " + slowest.took().toMillis() + " ms");

        assertThat(visible).as("%s: visible step tests found on the starter", lesson).isNotEmpty();
        assertThat(hidden).as("%s: hidden step tests found on the starter", lesson).isNotEmpty();
        assertThat(outcomes).as("%s: step tests that did not FAIL on the untouched starter (passed, skipped or"
                + " aborted): each gives points for nothing", lesson)
                .filteredOn(o -> o.status() != TestExecutionResult.Status.FAILED).isEmpty();
        assertThat(outcomes).as("%s: failures on the starter whose message does not start with their own step", lesson)
                .filteredOn(o -> !o.message().startsWith("Step " + o.step() + " ")
                        && !o.message().startsWith("Step " + o.step() + ":"))
                .isEmpty();
        assertThat(outcomes).as("%s: failures on the starter that waited out a time limit (a TODO must fail at once:"
                + " a test that waits for what the TODO never does makes every student's run slow)", lesson)
                .filteredOn(Outcome::waitedOut).isEmpty();
        assertThat(outcomes).as("%s: tests not run by the time-out rule (an earlier test of the step, in this proof or"
                + " another run in this JVM, timed out)", lesson)
                .filteredOn(o -> StepTimeouts.notRun(o.message())).isEmpty();
        assertThat(outcomes).as("%s: starter tests slower than %d s (a hang?)", lesson, ONE_TEST_LIMIT.toSeconds())
                .filteredOn(o -> o.took().compareTo(ONE_TEST_LIMIT) > 0).isEmpty();
        assertThat(whole).as("%s: time for all step tests on the starter (a hang?)", lesson)
                .isLessThan(WHOLE_LESSON_LIMIT);
    }

    /** Runs every test of the package (visible and hidden, steps and provided code) on the starter. */
    static List<Outcome> runAllTests(String packageName) {
        // The lessons' settings, said here: each lesson's junit-platform.properties is on this class
        // path, and JUnit would warn about the three of them at every run.
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(packageName))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        Map<TestIdentifier, Long> started = new ConcurrentHashMap<>();
        Map<TestIdentifier, Integer> waitsBefore = new ConcurrentHashMap<>();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        LAUNCHER.execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                started.put(test, System.nanoTime());
                waitsBefore.put(test, StepTimeouts.waitsRunOut());
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    outcomes.add(outcome(test, null, reason, Duration.ZERO, false));
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    Duration took = Duration.ofNanos(System.nanoTime() - started.getOrDefault(test, System.nanoTime()));
                    String message = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
                    boolean waitedOut = result.getThrowable().map(StarterFailsEveryStepProof::waitedOut).orElse(false)
                            || StepTimeouts.waitsRunOut() > waitsBefore.getOrDefault(test, Integer.MAX_VALUE);
                    outcomes.add(outcome(test, result.getStatus(), message, took, waitedOut));
                }
            }
        });
        return outcomes;
    }

    /**
     * True if a wait that ran out is among the failure's causes: a time-out as the time-out rule
     * counts them (StepTimeouts.isTimeOut), or an Awaitility condition that never came true.
     */
    static boolean waitedOut(Throwable failure) {
        if (StepTimeouts.isTimeOut(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.awaitility.core.ConditionTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Outcome outcome(TestIdentifier test, TestExecutionResult.Status status, String message, Duration took,
            boolean waitedOut) {
        Set<String> tags = test.getTags().stream().map(TestTag::getName).collect(Collectors.toCollection(TreeSet::new));
        int step = Steps.stepOf(tags).orElse(0);
        String name = Optional.ofNullable(test.getLegacyReportingName()).orElse(test.getDisplayName());
        String where = test.getUniqueId().replaceAll(".*\\[class:([^\\]]*)\\].*", "$1");
        return new Outcome(where + "." + name, step, tags.contains("hidden"), tags.contains("provided"),
                status == null ? TestExecutionResult.Status.ABORTED : status,
                message.lines().findFirst().orElse(""), took, waitedOut);
    }
}
