// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proof 1: the reference passed every visible and every hidden test, the hidden ones under
 * several seeds. Surefire already fails the build on a failure; this proof also catches a test
 * class that never ran, or tests that were skipped, which Surefire lets through.
 */
class ReferencePassedEverythingProof {

    private static final Pattern SUITE = Pattern.compile(
            "<testsuite [^>]*name=\"([^\"]+)\"[^>]*time=\"[^\"]*\"[^>]*tests=\"(\\d+)\"[^>]*errors=\"(\\d+)\"[^>]*"
                    + "skipped=\"(\\d+)\"[^>]*failures=\"(\\d+)\"");
    private static final List<String> HIDDEN_RUNS = List.of("", "(seed-1)", "(seed-2)");


    record Suite(String name, int tests, int errors, int skipped, int failures, FileTime written) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatkit.checks.Lesson#all")
    void referencePassedEveryVisibleAndHiddenTest(Lesson lesson) throws IOException {
        List<Suite> suites = suites(lesson.referenceReports());
        FileTime newestSource = newestSource(lesson);
        List<String> visible = testClasses(lesson.path("visible.tests"));
        List<String> hidden = testClasses(lesson.path("hidden.tests"));

        assertThat(visible).as("%s: visible test classes", lesson).isNotEmpty();
        assertThat(hidden).as("%s: hidden test classes", lesson).isNotEmpty();
        for (String testClass : visible) {
            assertRanClean(lesson, suites, testClass, newestSource);
        }
        for (String testClass : hidden) {
            for (String run : HIDDEN_RUNS) {
                assertRanClean(lesson, suites, testClass + run, newestSource);
            }
        }
        int total = suites.stream().mapToInt(Suite::tests).sum();
        System.out.printf("[proof 1] %s: the reference passed %d test runs (%d visible classes, %d hidden classes x %d seeds)%n",
                lesson, total, visible.size(), hidden.size(), HIDDEN_RUNS.size());
    }

    /** The newest modification time of the lesson's sources: a report older than it tells of another build. */
    private static FileTime newestSource(Lesson lesson) throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        for (Path folder : List.of(lesson.starterSources(), lesson.path("visible.tests"), lesson.path("hidden.tests"),
                lesson.path("reference.dir"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    FileTime time = Files.getLastModifiedTime(file);
                    newest = time.compareTo(newest) > 0 ? time : newest;
                }
            }
        }
        return newest;
    }

    private static void assertRanClean(Lesson lesson, List<Suite> suites, String suiteName, FileTime newestSource) {
        Suite suite = suites.stream().filter(s -> s.name().equals(suiteName)).findFirst().orElse(null);
        assertThat(suite).as("%s: a report of %s from the reference build (did it run?)", lesson, suiteName).isNotNull();
        assertThat(suite.written().compareTo(newestSource)).as("%s: the report of %s (%s) is older than the newest"
                + " source (%s): build the reference's module in the same run (./mvnw test, or -am)", lesson, suiteName,
                suite.written(), newestSource).isGreaterThanOrEqualTo(0);
        assertThat(suite.tests()).as("%s: tests run in %s", lesson, suiteName).isPositive();
        assertThat(suite.errors() + suite.failures() + suite.skipped())
                .as("%s: tests of %s that failed or were skipped on the reference", lesson, suiteName).isZero();
    }

    private static List<Suite> suites(Path reports) throws IOException {
        assertThat(reports).as("the reference's test reports (build solutions/ before the checks)").isDirectory();
        List<Suite> suites = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                    .collect(Collectors.toList())) {
                Matcher matcher = SUITE.matcher(Files.readString(file));
                if (matcher.find()) {
                    suites.add(new Suite(matcher.group(1), Integer.parseInt(matcher.group(2)),
                            Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)),
                            Integer.parseInt(matcher.group(5)), Files.getLastModifiedTime(file)));
                }
            }
        }
        return suites;
    }

    /** Fully qualified names of the *Test classes under a test source folder. */
    private static List<String> testClasses(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.getFileName().toString().endsWith("Test.java"))
                    .map(f -> sources.relativize(f).toString().replace('\\', '/').replace('/', '.'))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .sorted().collect(Collectors.toList());
        }
    }
}
