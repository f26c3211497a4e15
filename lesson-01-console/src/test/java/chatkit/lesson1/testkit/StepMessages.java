package chatkit.lesson1.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Put on every test class with {@code @ExtendWith(StepMessages.class)}: every failure of a test
 * tagged {@code step-N} then says "Step N", where to look, and which earlier step is missing.
 * After each test it also stops the test's background threads.
 */
public final class StepMessages implements TestExecutionExceptionHandler, AfterEachCallback {

    private static final Steps STEPS = Steps.load();

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Optional<Integer> step = Steps.stepOf(context.getTags());
        if (step.isEmpty()) {
            throw failure; // a test of provided code: its own message says enough
        }
        throw STEPS.explain(step.get(), failure);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Background.closeAll();
    }
}
