package chatkit.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints a short report at the end of {@code mvn test}: one line per step, done, failing (with
 * the first failure and where to look) or waiting for an earlier step.
 *
 * The same report is written to {@code target/progress.txt} after every test, so it survives a
 * test run that ends early (a {@code System.exit} in the code under test, say). Under Maven, the
 * lesson's pom.xml sets {@code chatkit.progressAtExit}: then {@link ReportAtExit} prints that file
 * after Maven's last line, and this listener prints nothing itself (the report would show twice).
 *
 * A run of some steps only ({@code -Dgroups=step-6}) shows the other steps as an earlier run left
 * them ({@link EarlierRuns}), marked "(earlier run)".
 *
 * JUnit finds this listener through
 * {@code src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class ProgressReport implements TestExecutionListener {

    private static final String RULE = "-".repeat(78);

    private final Map<Integer, StepResult> results = new LinkedHashMap<>();
    private final boolean enabled;
    private final Path file;
    private final PrintStream console;
    private Steps steps;
    private EarlierRuns earlier;
    private int providedFailures;
    private boolean active;

    /** The listener JUnit finds: set up by the system properties that the lesson's pom.xml passes. */
    public ProgressReport() {
        this(!"off".equals(System.getProperty("chatkit.progress")),
                Paths.get(System.getProperty("chatkit.progressFile", "target/progress.txt")),
                Boolean.getBoolean("chatkit.progressAtExit") ? null : System.out);
    }

    /** A report written to {@code file}, and printed on {@code console} at the end unless it is null. */
    public ProgressReport(Path file, PrintStream console) {
        this(true, file, console);
    }

    private ProgressReport(boolean enabled, Path file, PrintStream console) {
        this.enabled = enabled;
        this.file = file;
        this.console = console;
    }

    /** What we saw of one step's tests. */
    private static final class StepResult {
        int run;
        int failed;
        String firstFailure;
        String firstMessage;
        Optional<Integer> missingTodo = Optional.empty();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        // Containers count too: a @ParameterizedTest is a container in the plan, and its runs appear
        // only as they start, so a step whose tests are all parameterized has no test in the plan.
        Set<Integer> planned = stepsIn(plan);
        active = enabled && !planned.isEmpty();
        if (active) {
            steps = Steps.ofLesson(firstStepTestClass(plan));
            steps.all().forEach(step -> results.put(step.number(), new StepResult()));
            earlier = EarlierRuns.read(EarlierRuns.besideReport(file), steps.manifest());
            if (planned.containsAll(results.keySet())) {
                earlier.forgetAll(); // this run has every step: it tells all there is to know
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!active || !test.isTest() || result.getStatus() == TestExecutionResult.Status.ABORTED) {
            return; // aborted: the test does not apply on this computer (an assumption), so it does not count
        }
        boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        Optional<Integer> step = stepOf(test);
        if (step.isEmpty()) {
            providedFailures += failed && test.getTags().contains(TestTag.create("provided")) ? 1 : 0;
            return;
        }
        StepResult stepResult = results.computeIfAbsent(step.get(), n -> new StepResult());
        stepResult.run++;
        if (failed) {
            stepResult.failed++;
            earlier.remember(step.get(), false); // whatever an earlier run showed, it fails now
            String message = result.getThrowable().map(Steps::gist).orElse("failed");
            // The first failure, unless a later one names a cause where the first only says what was expected.
            if (stepResult.firstFailure == null
                    || !Steps.namesACause(stepResult.firstMessage) && Steps.namesACause(message)) {
                stepResult.firstMessage = message;
                // The "look at" part gets a line of its own in the report.
                String lookAt = "Step " + step.get() + " (look at " + where(step.get()) + "): ";
                stepResult.firstFailure = message.startsWith(lookAt) ? message.substring(lookAt.length()) : message;
                // Waiting for step K only when this step builds on K: otherwise the code written for
                // this step calls K's TODO by mistake, and the step's own message says so.
                stepResult.missingTodo = Steps.unfinishedTodo(message).filter(todo -> !todo.equals(step.get()))
                        .filter(todo -> step.get() <= steps.all().size() && steps.withNeeds(step.get()).contains(todo));
            }
        }
        write(report(false));
        earlier.save();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!active) {
            return;
        }
        results.forEach((number, result) -> {
            if (result.run > 0 && number <= steps.all().size()) {
                earlier.remember(number, result.failed == 0);
            }
        });
        earlier.save();
        String report = report(true);
        write(report);
        if (console != null) {
            console.println();
            console.print(report);
            console.flush();
        }
    }

    private String report(boolean finished) {
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        lines.add(" " + steps.lessonTitle() + " - your progress" + (finished ? "" : " (run not finished)"));
        lines.add(RULE);
        int done = 0;
        int doneEarlier = 0;
        int firstUnfinished = 0;
        for (Map.Entry<Integer, StepResult> entry : results.entrySet()) {
            int number = entry.getKey();
            StepResult result = entry.getValue();
            String title = number <= steps.all().size() ? steps.step(number).title() : "(not in " + steps.manifest() + ")";
            String head = String.format(" Step %-2d %-44s ", number, title);
            if (result.run == 0) {
                Optional<Boolean> before = earlier.done(number);
                if (before.orElse(false)) {
                    lines.add(head + "done (earlier run)");
                    done++;
                    doneEarlier++;
                } else {
                    lines.add(head + (before.isPresent() ? "not done (earlier run)" : "not run"));
                    if (firstUnfinished == 0) {
                        firstUnfinished = number;
                    }
                }
            } else if (result.failed == 0) {
                // While tests still run, a step whose tests passed so far may have more to come.
                lines.add(head + (finished ? "done" : "passing so far"));
                done++;
            } else {
                Optional<Integer> waitingFor = waitingFor(number, result);
                if (waitingFor.isPresent()) {
                    lines.add(head + "waiting for step " + waitingFor.get());
                } else {
                    lines.add(head + "FAILING (" + result.failed + " of " + result.run + " tests)");
                    lines.add("          " + result.firstFailure);
                    lines.add("          look at: " + where(number));
                }
                if (firstUnfinished == 0) {
                    firstUnfinished = number;
                }
            }
        }
        lines.add(RULE);
        if (providedFailures > 0) {
            lines.add(" " + providedFailures + " test(s) of provided code failed: did a change break code marked"
                    + " \"no need to change this\"?");
        }
        if (!finished) {
            lines.add(" If mvn test has ended and you read this, the tests were cut short.");
            lines.add(" Next: look for System.exit or an endless loop in your code.");
        } else if (done == results.size() && doneEarlier == 0) {
            lines.add(" All " + done + " steps done. Next: try it by hand, README.md, \"Try it yourself\".");
        } else if (done == results.size()) {
            // Code changed since that earlier run may have broken a step: one run of all tells.
            lines.add(" All " + done + " steps done, " + doneEarlier + " of them in an earlier run.");
            lines.add(" Next: run all the tests at once to check them together: ../mvnw test");
        } else {
            lines.add(" " + done + " of " + results.size() + " steps done"
                    + (doneEarlier > 0 ? " (" + doneEarlier + " in an earlier run)" : "")
                    + ". Next: step " + firstUnfinished + " in README.md.");
        }
        lines.add(RULE);
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private String where(int number) {
        return number <= steps.all().size() ? steps.step(number).where() : "README.md";
    }

    /** The unfinished earlier step this one waits for, if any: a declared need, or a TODO named in the failure. */
    private Optional<Integer> waitingFor(int number, StepResult result) {
        if (result.missingTodo.isPresent()) {
            return result.missingTodo;
        }
        if (number > steps.all().size()) {
            return Optional.empty();
        }
        for (int need : steps.step(number).needs()) {
            StepResult earlier = results.get(need);
            if (earlier != null && earlier.failed > 0) {
                return Optional.of(need);
            }
        }
        return Optional.empty();
    }

    /** The steps of every test and container in the plan. */
    private static Set<Integer> stepsIn(TestPlan plan) {
        Set<Integer> planned = new TreeSet<>();
        everything(plan).forEach(test -> stepOf(test).ifPresent(planned::add));
        return planned;
    }

    /** The class of the plan's first step test (or container): it tells which lesson this run is about. */
    private static String firstStepTestClass(TestPlan plan) {
        return everything(plan).stream().filter(test -> stepOf(test).isPresent())
                .map(TestIdentifier::getSource).flatMap(Optional::stream).map(ProgressReport::className)
                .flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("no step test in this run"));
    }

    private static Set<TestIdentifier> everything(TestPlan plan) {
        Set<TestIdentifier> all = new LinkedHashSet<>();
        plan.getRoots().forEach(root -> all.addAll(plan.getDescendants(root)));
        return all;
    }

    private static Optional<String> className(TestSource source) {
        if (source instanceof MethodSource) {
            return Optional.of(((MethodSource) source).getClassName());
        }
        return source instanceof ClassSource ? Optional.of(((ClassSource) source).getClassName()) : Optional.empty();
    }

    private static Optional<Integer> stepOf(TestIdentifier test) {
        return Steps.stepOf(test.getTags().stream().map(TestTag::getName).collect(Collectors.toSet()));
    }

    private void write(String report) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The report on the console is what matters; the file is a convenience.
        }
    }
}
