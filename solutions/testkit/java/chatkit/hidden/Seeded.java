// @kit:instructor-only hidden-test helper - never copy into the student edition
package chatkit.hidden;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives each hidden test a {@link Random} seeded from one run-wide seed, so inputs vary from run
 * to run (copying visible expectations does not pass) yet any failure can be replayed:
 * the seed is printed at the start and added to every failure message.
 *
 * Set it with {@code -Dchatkit.seed=N}; without it a random seed is drawn.
 * Register after {@code StepMessages}, so the step explanation comes first.
 */
public final class Seeded implements ParameterResolver, TestExecutionExceptionHandler {

    public static final long SEED = chooseSeed();

    private static long chooseSeed() {
        String given = System.getProperty("chatkit.seed", "").trim();
        long seed = given.isEmpty() ? new SecureRandom().nextInt(1_000_000_000) : Long.parseLong(given);
        System.out.println("[hidden tests] seed " + seed + " (replay with -Dchatkit.seed=" + seed + ")");
        return seed;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Random.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // One stream per test, independent of the order tests run in.
        return new Random(SEED * 31 + context.getUniqueId().hashCode());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw new AssertionError(failure.getMessage() + " [seed " + SEED + ": replay with -Dchatkit.seed=" + SEED + "]",
                failure);
    }
}
