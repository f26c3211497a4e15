// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import chatkit.testkit.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * Proof 3: on the untouched starter, every visible test of a student step fails, fast, with a
 * message that starts with its own step ("Step N ..."); none passes, none hangs, none is skipped.
 * The hidden tests, compiled against the starter in this module, must fail the same way: a hidden
 * test that passes on the starter would give points for nothing. Every test is tagged either with
 * its step or as "provided" (a test of provided code), and provided-code tests pass on the starter.
 *
 * The tests run in this JVM through the JUnit Platform Launcher, with the starter (a dependency
 * of this module) on the class path: the reference is never on it.
 */
class StarterFailsEveryStepProof {

    /** The whole visible suite of a lesson must be done within this on the starter (issue: <= 10 s). */
    private static final Duration WHOLE_LESSON_LIMIT = Duration.ofSeconds(10);
    /** No single starter test should need more than this: a TODO fails at once. */
    private static final Duration ONE_TEST_LIMIT = Duration.ofSeconds(2);


    /** What happened to one test. */
    record Outcome(String name, int step, boolean hidden, boolean provided, TestExecutionResult.Status status,
                   String message, Duration took) {
        @Override
        public String toString() {
            return name + " [step " + step + (hidden ? ", hidden" : "") + "] " + status + " in " + took.toMillis()
                    + " ms: " + message;
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
        System.out.printf("[proof 3] %s: %d visible and %d hidden step tests ran on the starter in %d ms%n",
                lesson, visible.size(), hidden.size(), whole.toMillis());

        assertThat(visible).as("%s: visible step tests found on the starter", lesson).isNotEmpty();
        assertThat(hidden).as("%s: hidden step tests found on the starter", lesson).isNotEmpty();
        assertThat(outcomes).as("%s: step tests that did not FAIL on the untouched starter (passed, skipped or"
                + " aborted): each gives points for nothing", lesson)
                .filteredOn(o -> o.status() != TestExecutionResult.Status.FAILED).isEmpty();
        assertThat(outcomes).as("%s: failures on the starter whose message does not start with their own step", lesson)
                .filteredOn(o -> !o.message().startsWith("Step " + o.step() + " ")
                        && !o.message().startsWith("Step " + o.step() + ":"))
                .isEmpty();
        assertThat(outcomes).as("%s: starter tests slower than %d s (a TODO must fail at once)", lesson,
                        ONE_TEST_LIMIT.toSeconds())
                .filteredOn(o -> o.took().compareTo(ONE_TEST_LIMIT) > 0).isEmpty();
        assertThat(whole).as("%s: time for all step tests on the starter", lesson).isLessThan(WHOLE_LESSON_LIMIT);
    }

    /** Runs every test of the package (visible and hidden, steps and provided code) on the starter. */
    static List<Outcome> runAllTests(String packageName) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(packageName))
                .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        // No auto-registered listeners: the lesson's progress report is for students, not for this run.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        Map<TestIdentifier, Long> started = new ConcurrentHashMap<>();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                started.put(test, System.nanoTime());
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    outcomes.add(outcome(test, null, reason, Duration.ZERO));
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    Duration took = Duration.ofNanos(System.nanoTime() - started.getOrDefault(test, System.nanoTime()));
                    String message = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
                    outcomes.add(outcome(test, result.getStatus(), message, took));
                }
            }
        });
        return outcomes;
    }

    private static Outcome outcome(TestIdentifier test, TestExecutionResult.Status status, String message, Duration took) {
        Set<String> tags = test.getTags().stream().map(TestTag::getName).collect(Collectors.toCollection(TreeSet::new));
        int step = Steps.stepOf(tags).orElse(0);
        String name = Optional.ofNullable(test.getLegacyReportingName()).orElse(test.getDisplayName());
        String where = test.getUniqueId().replaceAll(".*\\[class:([^\\]]*)\\].*", "$1");
        return new Outcome(where + "." + name, step, tags.contains("hidden"), tags.contains("provided"),
                status == null ? TestExecutionResult.Status.ABORTED : status,
                message.lines().findFirst().orElse(""), took);
    }
}
