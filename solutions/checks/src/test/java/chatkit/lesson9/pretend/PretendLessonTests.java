// @kit:instructor-only
package chatkit.lesson9.pretend;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pretend tests, one per step of a pretend lesson 9 (src/test/resources/lesson-09-steps.properties),
 * for ProgressReportProof: a test fails when the proof puts its step in {@link #FAILING}, and does
 * not count when it is in {@link #ABORTED}. Their package gives them lesson 9's steps; no proof
 * that runs a real lesson's package finds them, and Surefire runs only *Proof classes here.
 */
public class PretendLessonTests {

    /** The steps whose test fails in the next run. */
    public static final Set<Integer> FAILING = new HashSet<>();
    /** The steps whose test does not apply in the next run (an assumption fails: it does not count). */
    public static final Set<Integer> ABORTED = new HashSet<>();

    private static void step(int number) {
        Assumptions.assumeFalse(ABORTED.contains(number), "aborted on purpose (ProgressReportProof)");
        if (FAILING.contains(number)) {
            throw new AssertionError("Step " + number + ": fails on purpose (ProgressReportProof)");
        }
    }

    @Test @Tag("step-1") void one() { step(1); }
    @Test @Tag("step-2") void two() { step(2); }
    @Test @Tag("step-3") void three() { step(3); }
    @Test @Tag("step-4") void four() { step(4); }
    @Test @Tag("step-5") void five() { step(5); }
    @Test @Tag("step-6") void six() { step(6); }
    @Test @Tag("step-7") void seven() { step(7); }
    @Test @Tag("step-8") void eight() { step(8); }
}
