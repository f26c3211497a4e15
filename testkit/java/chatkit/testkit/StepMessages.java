package chatkit.testkit;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Put on every test class with {@code @ExtendWith(StepMessages.class)}: every failure of a test
 * tagged {@code step-N} then says "Step N", where to look, and which earlier step is missing.
 * After each test it also stops the test's background threads and gives back the real console.
 *
 * Once a test of a step has timed out, the step's other tests, and those of the steps that build on
 * it, fail at once instead of waiting out their own time limits (the rule of {@link StepTimeouts}).
 */
public final class StepMessages implements TestExecutionExceptionHandler, BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<Integer> step = Steps.stepOf(context.getTags());
        Steps steps = stepsOf(context);
        Background.closeAll(); // also forgets failures of other threads that came after the last test
        Background.countOnlySteps(step.map(steps::withNeeds).orElse(null));
        if (step.isEmpty()) {
            return;
        }
        Class<?> testClass = context.getRequiredTestClass();
        if (StepTimeouts.hasTimedOut(StepTimeouts.part(testClass, step.get()))) {
            throw new AssertionError("Step " + step.get() + ": " + StepTimeouts.NOT_RUN + ". Fix that one first (look at "
                    + steps.step(step.get()).where() + ").");
        }
        for (int needed : steps.withNeeds(step.get())) {
            if (needed != step.get() && StepTimeouts.stepHasTimedOut(testClass, needed)) {
                throw new AssertionError("Step " + step.get() + ": " + String.format(StepTimeouts.NOT_RUN_NEEDS, needed)
                        + ". Fix step " + needed + " first (look at " + steps.step(needed).where() + ").");
            }
        }
        for (int needed : steps.withNeeds(step.get())) {
            if (needed != step.get() && StepTimeouts.hasFailed(needed)) {
                throw new AssertionError("Step " + step.get() + ": " + String.format(StepTimeouts.NOT_RUN_FAILED, needed)
                        + ".");
            }
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Optional<Integer> step = Steps.stepOf(context.getTags());
        if (step.isEmpty()) {
            throw failure; // a test of provided code: its own message says enough
        }
        if (StepTimeouts.isTimeOut(failure)) {
            StepTimeouts.timedOut(StepTimeouts.part(context.getRequiredTestClass(), step.get()));
        }
        StepTimeouts.failed(step.get());
        AssertionError explained = stepsOf(context).explain(step.get(), failure);
        throw thrownInLessonCode(failure).map(where -> new AssertionError(explained.getMessage() + " (thrown in "
                + where + ")", failure)).orElse(explained);
    }

    /**
     * Where in the lesson's code an exception came from; nothing for an assertion's failure or a
     * time-out, whose messages say enough (see {@link WhereItWaits#thrownIn}).
     */
    private static Optional<String> thrownInLessonCode(Throwable failure) {
        if (failure instanceof AssertionError || failure instanceof TimeoutException) {
            return Optional.empty();
        }
        return WhereItWaits.thrownIn(failure);
    }

    /** The steps of the lesson this test belongs to (found from its package). */
    private static Steps stepsOf(ExtensionContext context) {
        return Steps.ofLesson(context.getRequiredTestClass().getName());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Background.closeAll();
        ConsoleSpy.restore();
    }
}
