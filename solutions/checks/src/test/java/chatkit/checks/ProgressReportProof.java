// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import chatkit.lesson9.pretend.PretendLessonTests;
import chatkit.testkit.Steps;
import chatkit.testkit.ProgressReport;
import chatkit.testkit.ReportAtExit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The progress report (testkit's ProgressReport and ReportAtExit) tells a student the truth after
 * any run: a run of one step gets a report too, earlier runs are remembered and marked as such
 * until a run shows otherwise, there is always a "Next:" line, and the report that Maven prints
 * at exit is the one this run wrote, never an old one.
 *
 * The tests run in this JVM through the JUnit Platform Launcher with a ProgressReport of their own
 * that writes into a temporary target folder; the pretend tests fail on the proof's say-so.
 */
class ProgressReportProof {

    /** One launcher for every run (creating one reads the lessons' junit-platform.properties, with a warning). */
    private static final Launcher LAUNCHER = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false).build());

    @TempDir
    Path target;
    Path report;

    @BeforeEach
    void everyStepPassesUnlessTold() {
        report = target.resolve("progress.txt");
        PretendLessonTests.FAILING.clear();
        PretendLessonTests.ABORTED.clear();
    }

    @Test
    void aFailureThatNamesACauseIsPreferredToABareExpectation() {
        assertThat(Steps.namesACause("Step 5 (look at ChatSession.send() and sendPrivate(), TODO 5): expected: \"a\""
                + " but was: \"b\"")).as("a bare AssertJ line").isFalse();
        assertThat(Steps.namesACause("Step 5 (look at LineConnection.send(), TODO 5): Expecting actual: \"a\" to be"
                + " empty")).as("AssertJ's Expecting").isFalse();
        assertThat(Steps.namesACause("Step 5: not run, because an earlier test of this step timed out. Fix that one"
                + " first")).as("a test not run").isFalse();
        assertThat(Steps.namesACause("Step 5 (look at LineConnection.send(), TODO 5): [Step 5: the first line (send()"
                + " must flush)] expected: \"first\" but was: null")).as("a described expectation").isTrue();
        assertThat(Steps.namesACause("Step 1 (look at ChatServer.acceptClients(), TODO 1): Client 2 of 10 waited for"
                + " its * HELLO: was this client accepted?")).as("words of the test's own").isTrue();
    }

    @Test
    void aRunOfOneStepWhoseTestsAreAllParameterizedGetsAReport() throws IOException {
        // Step 6's tests in lesson 1 are all @ParameterizedTest: the plan holds no test of step 6
        // before they run, only their containers.
        String printed = run(selectClass("chatkit.lesson1.ChatProtocolTest"), "step-6");

        assertThat(printed).as("the report printed after a run of step 6 only, on the starter")
                .contains("Lesson 1: console chat - your progress")
                .containsPattern("Step 6 +Recognise exit +FAILING \\(14 of 14 tests\\)")
                .contains("Next: step 1 in README.md.");
        assertThat(Files.readString(report)).as("the report file, the same without the empty line before it")
                .isEqualTo(printed.substring(System.lineSeparator().length()));
    }

    @Test
    void aRunOfOneStepShowsWhatAnEarlierRunShowed() throws IOException {
        // GIVEN a whole run in which steps 1-6 passed, 7 and 8 failed
        PretendLessonTests.FAILING.addAll(Set.of(7, 8));
        run(selectClass(PretendLessonTests.class), null);

        // WHEN only step 7 runs, and passes now
        PretendLessonTests.FAILING.remove(7);
        String printed = run(selectClass(PretendLessonTests.class), "step-7");

        // THEN the report shows the other steps as that run left them, marked, and what is next
        assertThat(printed).as("the report of a run of step 7")
                .containsPattern("Step 1 .* done \\(earlier run\\)")
                .containsPattern("Step 6 .* done \\(earlier run\\)")
                .containsPattern("Step 7 .* done\\R")
                .containsPattern("Step 8 .* not done \\(earlier run\\)")
                .contains(" 7 of 8 steps done (6 in an earlier run). Next: step 8 in README.md.")
                .doesNotContain("0 of 8");
    }

    @Test
    void aRememberedDoneDoesNotOutliveARunInWhichTheStepFailed() throws IOException {
        // GIVEN step 3 done in an earlier run, and failing in the next run of step 3 alone
        run(selectClass(PretendLessonTests.class), null);
        PretendLessonTests.FAILING.add(3);
        run(selectClass(PretendLessonTests.class), "step-3");

        // WHEN step 6 runs alone
        String printed = run(selectClass(PretendLessonTests.class), "step-6");

        // THEN step 3 is remembered as not done, and it is next
        assertThat(printed).as("the report of a run of step 6")
                .containsPattern("Step 3 .* not done \\(earlier run\\)")
                .contains(" 7 of 8 steps done (6 in an earlier run). Next: step 3 in README.md.");
    }

    @Test
    void aWholeRunReplacesWhatWasRemembered() throws IOException {
        // GIVEN step 8 done in an earlier run of step 8 alone
        run(selectClass(PretendLessonTests.class), "step-8");

        // WHEN every step runs, but step 8's test does not apply this time (it counts for nothing)
        PretendLessonTests.ABORTED.add(8);
        String whole = run(selectClass(PretendLessonTests.class), null);

        // THEN the whole run starts from nothing: step 8 was not run, and is not "done" from before
        assertThat(whole).as("the report of a whole run").doesNotContain("earlier run")
                .containsPattern("Step 8 .* not run\\R")
                .contains(" 7 of 8 steps done. Next: step 8 in README.md.");
    }

    @Test
    void cleanForgetsEarlierRuns() throws IOException {
        // GIVEN every step done in an earlier run
        run(selectClass(PretendLessonTests.class), null);

        // WHEN mvn clean deletes target/, and step 2 runs alone
        try (var files = Files.list(target)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        String afterClean = run(selectClass(PretendLessonTests.class), "step-2");

        // THEN the report knows only step 2
        assertThat(afterClean).as("the report of a run of step 2 after mvn clean").doesNotContain("earlier run")
                .containsPattern("Step 1 .* not run\\R")
                .contains(" 1 of 8 steps done. Next: step 1 in README.md.");
    }

    @Test
    void everyReportHasANextLine() throws IOException {
        // The pretend steps in every state: done earlier, failing now, not run at all.
        run(selectClass(PretendLessonTests.class), "step-1");
        PretendLessonTests.FAILING.add(2);
        for (String printed : List.of(run(selectClass(PretendLessonTests.class), "step-2"),
                run(selectClass(PretendLessonTests.class), null))) {
            assertThat(printed).as("a report").containsPattern("\\R Next: |\\. Next: ");
        }
        PretendLessonTests.FAILING.clear();
        run(selectClass(PretendLessonTests.class), null);
        assertThat(run(selectClass(PretendLessonTests.class), "step-4")).as("a report when all is done, partly earlier")
                .contains(" All 8 steps done, 7 of them in an earlier run.")
                .contains(" Next: run all the tests at once");
    }

    @Test
    void theReportAtExitIsTheOneThisRunWrote() throws IOException {
        // GIVEN an old report, and Maven about to run the tests
        Files.writeString(report, "an old report\n");
        String beforeTheTests = ReportAtExit.entry(report);
        Path never = target.resolve("never-written.txt");
        String entries = beforeTheTests + ReportAtExit.entry(never);

        // THEN at exit, an unchanged report is not shown, nor one never written
        assertThat(ReportAtExit.changed(entries)).as("at exit, when the tests did not run").isEmpty();

        // WHEN the tests run and write it
        run(selectClass(PretendLessonTests.class), "step-1");

        // THEN at exit it is shown
        assertThat(ReportAtExit.changed(entries)).as("at exit, after the tests ran")
                .contains("your progress").doesNotContain("an old report");
    }

    @Test
    void testsUnderMavenLeaveTheConsoleToTheReportAtExit() throws IOException {
        // A ProgressReport with no console (as the lessons' pom.xml sets it up) only writes the file.
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            execute(new ProgressReport(report, null), selectClass(PretendLessonTests.class), null);
        } finally {
            System.setOut(old);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).as("printed by the tests").doesNotContain("your progress");
        assertThat(Files.readString(report)).as("the report file").contains("your progress");
    }

    /** Runs the tests {@code selector} finds (only those tagged {@code tag}, if not null); returns what the report printed. */
    private String run(org.junit.platform.engine.DiscoverySelector selector, String tag) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            execute(new ProgressReport(report, console), selector, tag);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void execute(ProgressReport progress, org.junit.platform.engine.DiscoverySelector selector, String tag) {
        // The lessons' settings, said here: each lesson's junit-platform.properties is on this class
        // path, and JUnit would warn about the three of them at every run.
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(selector)
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
        if (tag != null) {
            request.filters(TagFilter.includeTags(tag));
        }
        LauncherDiscoveryRequest built = request.build();
        LAUNCHER.execute(built, progress);
    }
}
