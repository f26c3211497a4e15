// @kit:instructor-only
package chatkit.grader;

import chatkit.testkit.StepTimeouts;
import chatkit.testkit.Steps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One student's grade for one lesson, step by step. A step has two parts: its visible tests and
 * its hidden tests, each worth the points the step manifest gives it, earned only when every one
 * of the part's tests passes in every run.
 *
 * A mistake costs only its own step: a step that builds on ("needs") a step that does not pass is
 * judged again with the reference's code standing in for the failing steps it needs (see
 * {@link StandIn}), so its points are for the student's own code for it, and the feedback says
 * what stood in. This also keeps grades the same from run to run for racy code: a later step is
 * never judged on top of a broken registry, where passing would be left to chance. Only when that
 * cannot be done (no reference, as in a Gradescope bundle; a student file without a starter
 * method) do its points wait for the step it needs, reported as "needs step K".
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

    /**
     * A step's parts; the steps whose reference code stood in when they were judged (empty: judged
     * on the student's code alone); and the first step it builds on that does not pass, when no
     * reference could stand in for it (its points wait for that step).
     */
    record StepGrade(Steps.Step step, Part visible, Part hidden, Optional<Integer> needsStep, Set<Integer> standIn) {
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
                    new Part(true, step.hiddenPoints(), false, 0, List.of()), Optional.empty(), Set.of()));
        }
        return new LessonGrade(student, lesson, status, steps, notes, errors, List.of(), "", timing);
    }

    /**
     * Scores the results of the test JVMs: {@code outcome} on the student's code, and for each set
     * of steps the reference stood in for, the outcome of the steps judged that way.
     */
    static LessonGrade of(String student, LessonKit lesson, IsolatedTests.Outcome outcome,
            Map<Set<Integer>, IsolatedTests.Outcome> standIns, Set<Integer> notStarted, List<String> notes,
            Timing timing) {
        List<StepGrade> steps = judge(lesson, outcome, standIns, notStarted, new ArrayList<>());
        List<String> incidents = new ArrayList<>(outcome.incidents());
        StringBuilder output = new StringBuilder(outcome.output());
        standIns.forEach((standIn, run) -> {
            String with = "while graded with the kit's code for " + stepList(standIn);
            run.incidents().forEach(incident -> incidents.add(incident + " (" + with + ")"));
            if (!run.output().isEmpty()) {
                output.append("\n---- ").append(with).append(" ----\n").append(run.output());
            }
        });
        return new LessonGrade(student, lesson, Status.GRADED, steps, notes, null, incidents, output.toString(),
                timing);
    }

    /**
     * The next set of steps whose reference code should stand in, to judge a step on its own: one
     * that {@code standIns} lacks and that was not {@code tried} before; empty when every step can
     * be judged (or has to wait, because standing in could not be done).
     */
    static Optional<Set<Integer>> standInToTry(LessonKit lesson, IsolatedTests.Outcome outcome,
            Map<Set<Integer>, IsolatedTests.Outcome> standIns, Set<Integer> notStarted, Set<Set<Integer>> tried) {
        List<Set<Integer>> wanted = new ArrayList<>();
        judge(lesson, outcome, standIns, notStarted, wanted);
        return wanted.stream().filter(standIn -> !tried.contains(standIn)).findFirst();
    }

    /** The steps worth judging with {@code standIn}'s reference code: those started that build on all of it. */
    static Set<Integer> stepsBuiltOn(LessonKit lesson, Set<Integer> standIn, Set<Integer> notStarted) {
        Set<Integer> steps = new TreeSet<>();
        lesson.steps().stream().filter(step -> !notStarted.contains(step.number()))
                .filter(step -> lesson.allNeeds(step.number()).containsAll(standIn))
                .forEach(step -> steps.add(step.number()));
        return steps;
    }

    /**
     * Judges each step in order. A step whose needed steps all pass on their own is judged on the
     * student's run; otherwise on the run where the reference stood in for exactly the needed steps
     * that fail on their own (a step that failed only because of an earlier one is not among them).
     * Without that run (it is added to {@code wanted}), the step waits for the first of them, as
     * does a step not started (its TODO still throws), which nothing could pass.
     */
    private static List<StepGrade> judge(LessonKit lesson, IsolatedTests.Outcome outcome,
            Map<Set<Integer>, IsolatedTests.Outcome> standIns, Set<Integer> notStarted, List<Set<Integer>> wanted) {
        List<StepGrade> steps = new ArrayList<>();
        Set<Integer> failing = new TreeSet<>();
        for (Steps.Step step : lesson.steps()) {
            Set<Integer> failingNeeds = new TreeSet<>(lesson.allNeeds(step.number()));
            failingNeeds.retainAll(failing);
            boolean notStartedStep = notStarted.contains(step.number());
            IsolatedTests.Outcome standIn = notStartedStep ? null : standIns.get(failingNeeds);
            StepGrade grade;
            if (failingNeeds.isEmpty()) {
                grade = new StepGrade(step, part(outcome.results(), step, false), part(outcome.results(), step, true),
                        Optional.empty(), Set.of());
            } else if (standIn != null) {
                grade = new StepGrade(step, part(standIn.results(), step, false), part(standIn.results(), step, true),
                        Optional.empty(), failingNeeds);
            } else {
                if (!notStartedStep) {
                    wanted.add(failingNeeds);
                }
                grade = new StepGrade(step, part(outcome.results(), step, false), part(outcome.results(), step, true),
                        Optional.of(failingNeeds.iterator().next()), Set.of());
            }
            if (!grade.passed()) {
                failing.add(step.number());
            }
            steps.add(grade);
        }
        return steps;
    }

    /** "step 2", "steps 2 and 3", "steps 2, 3 and 5". */
    static String stepList(Set<Integer> steps) {
        List<String> numbers = steps.stream().map(String::valueOf).collect(java.util.stream.Collectors.toList());
        if (numbers.size() == 1) {
            return "step " + numbers.get(0);
        }
        return "steps " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and "
                + numbers.get(numbers.size() - 1);
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
        // The failures that say most first: those that name a cause, then those that only say what
        // was expected, then "not run" ones (after a time-out, or never reached).
        failures.sort(java.util.Comparator.comparing(f -> f.message().startsWith("not run")
                || StepTimeouts.notRun(f.message()) ? 2 : Steps.namesACause(f.message()) ? 0 : 1));
        if (tests == 0 && max > 0) {
            failures.add(new Failure("(no tests)", 1, "no " + (hidden ? "hidden" : "visible") + " tests of step "
                    + step.number() + " were found: the kit's tests are not built (run solutions/grade again)"));
        }
        return new Part(hidden, max, passed, tests, failures);
    }
}
