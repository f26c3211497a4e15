package chatkit.testkit;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Once a test of a step has timed out, the step's other tests fail at once instead of waiting
 * out their own time limits: code that never returns (an endless loop, say) costs one time-out,
 * not one per test. (Graders turn this off with -Dchatkit.stopStepAfterTimeout=false, so every
 * test is judged on its own.)
 */
public final class StepMessages implements TestExecutionExceptionHandler, BeforeEachCallback, AfterEachCallback {

    /** "lesson-02-steps.properties#3": steps (of a lesson) with a test that timed out. */
    private static final Set<String> TIMED_OUT = ConcurrentHashMap.newKeySet();
    private static final boolean STOP_STEP_AFTER_TIMEOUT =
            !"false".equals(System.getProperty("chatkit.stopStepAfterTimeout"));

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<Integer> step = Steps.stepOf(context.getTags());
        Steps steps = stepsOf(context);
        Background.closeAll(); // also forgets failures of other threads that came after the last test
        Background.countOnlySteps(step.map(steps::withNeeds).orElse(null));
        if (step.isPresent() && TIMED_OUT.contains(steps.manifest() + "#" + step.get())) {
            throw new AssertionError("Step " + step.get() + ": not run, because an earlier test of this step timed out."
                    + " Fix that one first (look at " + steps.step(step.get()).where() + ").");
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Optional<Integer> step = Steps.stepOf(context.getTags());
        if (step.isEmpty()) {
            throw failure; // a test of provided code: its own message says enough
        }
        if (failure instanceof TimeoutException && STOP_STEP_AFTER_TIMEOUT) {
            TIMED_OUT.add(stepsOf(context).manifest() + "#" + step.get());
        }
        throw stepsOf(context).explain(step.get(), failure);
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
