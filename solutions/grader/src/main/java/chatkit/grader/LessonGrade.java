// @kit:instructor-only
package chatkit.grader;

import chatkit.testkit.StepTimeouts;
import chatkit.testkit.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One student's grade for one lesson, step by step. A step has two parts: its visible tests and
 * its hidden tests, each worth the points the step manifest gives it, earned only when every one
 * of the part's tests passes in every run, and only when every step it builds on ("needs") passes
 * too: a step standing on a broken one loses its points, and is reported as "needs step K", not as
 * a cascade of failures. (This also keeps grades the same from run to run for racy code: whether a
 * later step's tests happen to pass on top of a broken registry is left to chance; this is not.)
 */
record LessonGrade(String student, LessonKit lesson, Status status, List<StepGrade> steps, List<String> notes,
        String compileErrors, List<String> incidents, String output, Timing timing) {

    enum Status {
        GRADED("graded"), COMPILE_ERROR("does not compile"), NOT_SUBMITTED("not submitted"),
        GRADER_ERROR("grader error");

        final String words;

        Status(String words) {
            this.words = words;
        }
    }

    /** Where the time went, in seconds. */
    record Timing(double compile, double tests, int jvms) {
    }

    /** A failing test as the feedback shows it. */
    record Failure(String name, int run, String message) {
    }

    /** One part of a step (its visible or its hidden tests). */
    record Part(boolean hidden, double max, boolean passed, int tests, List<Failure> failures) {
        double points() {
            return passed ? max : 0;
        }
    }

    /** A step's parts, and the first step it builds on that does not pass (its points wait for it). */
    record StepGrade(Steps.Step step, Part visible, Part hidden, Optional<Integer> needsStep) {
        double points() {
            return needsStep.isPresent() ? 0 : visible.points() + hidden.points();
        }

        double points(Part part) {
            return needsStep.isPresent() ? 0 : part.points();
        }

        /** All its tests pass (its points may still wait for a step it needs). */
        boolean testsPass() {
            return visible.passed() && hidden.passed();
        }

        boolean passed() {
            return testsPass() && needsStep.isEmpty();
        }
    }

    double points() {
        return steps.stream().mapToDouble(StepGrade::points).sum();
    }

    double maxPoints() {
        return lesson.maxPoints();
    }

    /** A lesson that scored nothing because it could not be tested: every step at 0, with no parts run. */
    static LessonGrade untested(String student, LessonKit lesson, Status status, List<String> notes, String errors,
            Timing timing) {
        List<StepGrade> steps = new ArrayList<>();
        for (Steps.Step step : lesson.steps()) {
            steps.add(new StepGrade(step, new Part(false, step.visiblePoints(), false, 0, List.of()),
                    new Part(true, step.hiddenPoints(), false, 0, List.of()), Optional.empty()));
        }
        return new LessonGrade(student, lesson, status, steps, notes, errors, List.of(), "", timing);
    }

    /** Scores the results of the test JVMs. */
    static LessonGrade of(String student, LessonKit lesson, IsolatedTests.Outcome outcome, List<String> notes,
            Timing timing) {
        TestResults results = outcome.results();
        List<StepGrade> steps = new ArrayList<>();
        Set<Integer> failed = new TreeSet<>();
        for (Steps.Step step : lesson.steps()) {
            Part visible = part(results, step, false);
            Part hidden = part(results, step, true);
            if (!visible.passed() || !hidden.passed()) {
                failed.add(step.number());
            }
            steps.add(new StepGrade(step, visible, hidden, Optional.empty()));
        }
        List<StepGrade> withNeeds = new ArrayList<>();
        for (StepGrade grade : steps) {
            Optional<Integer> needs = lesson.allNeeds(grade.step().number()).stream().filter(failed::contains).findFirst();
            withNeeds.add(new StepGrade(grade.step(), grade.visible(), grade.hidden(), needs));
        }
        return new LessonGrade(student, lesson, Status.GRADED, withNeeds, notes, null, outcome.incidents(),
                outcome.output(), timing);
    }

    private static Part part(TestResults results, Steps.Step step, boolean hidden) {
        double max = hidden ? step.hiddenPoints() : step.visiblePoints();
        List<Failure> failures = new ArrayList<>();
        int tests = 0;
        boolean anyPassed = false;
        for (TestResults.Planned planned : results.plan()) {
            if (planned.step() != step.number() || planned.hidden() != hidden) {
                continue;
            }
            tests++;
            List<TestResults.Result> outcomes = results.resultsOf(planned);
            for (TestResults.Result result : outcomes) {
                if (result.passed()) {
                    anyPassed = true;
                } else if (!result.neutral()) {
                    failures.add(new Failure(result.name(), result.run(), result.message()));
                }
            }
        }
        boolean passed = tests > 0 && anyPassed && failures.isEmpty();
        // The failures that say most first; "not run" ones (after a time-out, or never reached) last.
        failures.sort(java.util.Comparator.comparing(f -> f.message().startsWith("not run")
                || StepTimeouts.notRun(f.message()) ? 1 : 0));
        if (tests == 0 && max > 0) {
            failures.add(new Failure("(no tests)", 1, "no " + (hidden ? "hidden" : "visible") + " tests of step "
                    + step.number() + " were found: the kit's tests are not built (run solutions/grade again)"));
        }
        return new Part(hidden, max, passed, tests, failures);
    }
}
