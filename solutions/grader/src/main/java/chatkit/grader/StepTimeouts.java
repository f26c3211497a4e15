// @kit:instructor-only
package chatkit.grader;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestTag;

/**
 * Once a test of a step has timed out, the step's other tests of the same kind (visible or
 * hidden) are not run: that part of the step has failed already (a part scores only if all its
 * tests pass), and code that never returns should cost one time-out, not one per test. Registered
 * in the test JVM by the runner (JUnit's extension auto-detection); the grader passes the parts
 * that timed out on to each fresh JVM.
 */
public final class StepTimeouts implements ExecutionCondition {

    static final String NOT_RUN = "not run: an earlier test of this step timed out";

    private static final Set<String> TIMED_OUT = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("a class");
        }
        Optional<String> part = part(context.getUniqueId(), context.getTags());
        if (part.isPresent() && TIMED_OUT.contains(part.get())) {
            return ConditionEvaluationResult.disabled(NOT_RUN);
        }
        return ConditionEvaluationResult.enabled("no time-out in this step yet");
    }

    /** The step part ("3-hidden") of a test that failed by timing out; empty for other failures. */
    static Optional<String> timedOutPart(String uniqueId, Set<TestTag> tags, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return TestRunner.stepOf(tags).map(step -> step + (uniqueId.contains(".hidden.") ? "-hidden" : "-visible"));
            }
        }
        return Optional.empty();
    }

    /** A part where a test timed out (in this JVM or an earlier one of the same submission). */
    static void timedOut(String part) {
        TIMED_OUT.add(part);
    }

    private static Optional<String> part(String uniqueId, Set<String> tags) {
        for (String tag : tags) {
            if (tag.matches("step-\\d+")) {
                return Optional.of(tag.substring(5) + (uniqueId.contains(".hidden.") ? "-hidden" : "-visible"));
            }
        }
        return Optional.empty();
    }
}
