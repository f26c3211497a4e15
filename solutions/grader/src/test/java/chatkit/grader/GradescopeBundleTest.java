// @kit:instructor-only
package chatkit.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope bundle works as Gradescope uses it: unpacked in source/, run_autograder grades
 * submission/ (here the reference of lesson 1, uploaded as loose files) and writes
 * results/results.json. AUTOGRADER_ROOT points it at a temp folder instead of /autograder.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GradescopeBundleTest {

    static Path kit = Paths.get(System.getProperty("kit.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    @DisplayName("run_autograder from the bundle grades a submission and writes results.json")
    void runAutograderWritesResults() throws Exception {
        Path zip = temp.resolve("bundle.zip");
        GradescopeBundle.build(kit, zip, Optional.of(1), 5);
        Path root = temp.resolve("autograder");
        assertThat(Submissions.unzip(zip, root.resolve("source"))).as("problems unpacking the bundle").isNull();
        assertThat(root.resolve("source/setup.sh")).content().contains("useradd").contains("openjdk-17");
        // A Gradescope upload of the .java files alone, without folders.
        Path submission = Files.createDirectories(root.resolve("submission"));
        Path reference = kit.resolve("solutions/lesson-01-console/src/main/java/chatkit/lesson1");
        try (var files = Files.list(reference)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, submission.resolve(file.getFileName()));
            }
        }

        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("source/run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("log.txt").toFile());
        builder.environment().put("AUTOGRADER_ROOT", root.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PATH", Paths.get(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("run_autograder finished").isTrue();
        String log = Files.readString(temp.resolve("log.txt"));
        assertThat(process.exitValue()).as("run_autograder's exit code; its output:%n%s", log).isZero();
        String results = Files.readString(root.resolve("results/results.json"), StandardCharsets.UTF_8);
        assertThat(results).as(log).contains("\"score\": 100,").contains("Lesson 1: console chat, step 8");
    }
}
