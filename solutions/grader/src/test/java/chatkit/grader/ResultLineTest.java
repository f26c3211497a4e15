// @kit:instructor-only
package chatkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatkit.grader.ResultLine.Status;
import chatkit.grader.ResultLine.TestKey;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The results' lines, written by the test runner and read by the grader. */
class ResultLineTest {

    private static final TestKey TEST = new TestKey(2, "[engine:junit-jupiter]/[class:chatkit.lesson2.XTest]/[method:a()]");

    @Test
    @DisplayName("every kind of line reads back as written, fields with tabs, line ends and backslashes included")
    void everyKindRoundTrips() {
        String tricky = "a\tb\nc\\d\r";
        List<ResultLine> lines = List.of(new ResultLine.Plan(TEST, 3, true, tricky), new ResultLine.Start(TEST, tricky),
                new ResultLine.Done(TEST, Status.FAILED, tricky, 1234), new ResultLine.Broken(TEST, tricky),
                new ResultLine.TimedOut("lesson-02-steps.properties#3 hidden"), new ResultLine.Restart(),
                new ResultLine.End(), new ResultLine.Exit(), new ResultLine.Failed(tricky, true));
        for (ResultLine line : lines) {
            assertThat(line.text()).as("one line").doesNotContain("\n", "\r");
            assertThat(ResultLine.parse(line.text())).as("read back").isEqualTo(line);
        }
    }

    @Test
    @DisplayName("a line the runner never writes is refused")
    void unknownLinesAreRefused() {
        assertThatThrownBy(() -> ResultLine.parse("PASS\t1\tx")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultLine.parse("DONE\t1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a test's first result stands: a fresh JVM that skips it again changes nothing")
    void theFirstResultStands() {
        TestResults results = new TestResults();
        results.accept(new ResultLine.Plan(TEST, 1, false, "a").text());
        results.accept(new ResultLine.Done(TEST, Status.ABORTED, "skipped", 0).text());
        results.accept(new ResultLine.Done(TEST, Status.SUCCESSFUL, "", 0).text());

        assertThat(results.resultsOf(results.plan().get(0))).singleElement()
                .satisfies(result -> assertThat(result.status()).isEqualTo(Status.ABORTED));
    }

    @Test
    @DisplayName("a test that was skipped, not started, is not run again by the next JVM")
    void skippedTestsCountAsBegun() {
        TestResults results = new TestResults();
        TestKey other = new TestKey(1, "[engine:junit-jupiter]/[class:chatkit.lesson2.XTest]/[method:b()]");
        results.accept(new ResultLine.Plan(TEST, 1, false, "a").text());
        results.accept(new ResultLine.Plan(other, 1, false, "b").text());
        results.accept(new ResultLine.Done(TEST, Status.ABORTED, "skipped", 0).text());

        assertThat(results.begun()).containsExactly(TEST);
    }
}
