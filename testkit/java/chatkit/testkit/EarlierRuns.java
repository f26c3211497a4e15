package chatkit.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What earlier test runs showed of each step, so that a run of one step
 * ({@code ../mvnw test -Dgroups=step-6}) can still report the others.
 *
 * It lives in a file under {@code target/} next to the report ({@code progress-earlier-runs.properties}),
 * so {@code ../mvnw clean} forgets it. A step is remembered as done only once its tests all passed;
 * a failing test makes it "not done" at once, so a "done" never outlives a run in which the step
 * failed. A run of every step starts from nothing.
 */
final class EarlierRuns {

    private final Path file;
    private final String manifest;
    private final Properties steps = new Properties();

    private EarlierRuns(Path file, String manifest) {
        this.file = file;
        this.manifest = manifest;
    }

    /** The file next to {@code report} that remembers earlier runs. */
    static Path besideReport(Path report) {
        return report.resolveSibling("progress-earlier-runs.properties");
    }

    /** What {@code file} remembers of the lesson whose steps are in {@code manifest}; nothing if it is missing or another lesson's. */
    static EarlierRuns read(Path file, String manifest) {
        EarlierRuns runs = new EarlierRuns(file, manifest);
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(in);
        } catch (IOException e) {
            return runs; // no earlier run (or after mvn clean): nothing to remember
        }
        if (manifest.equals(saved.getProperty("lesson"))) {
            saved.stringPropertyNames().stream().filter(key -> key.startsWith("step."))
                    .forEach(key -> runs.steps.setProperty(key, saved.getProperty(key)));
        }
        return runs;
    }

    /** Empty if no earlier run ran step {@code number}; else whether it was done then. */
    Optional<Boolean> done(int number) {
        String status = steps.getProperty("step." + number);
        return status == null ? Optional.empty() : Optional.of(status.equals("done"));
    }

    void remember(int number, boolean done) {
        steps.setProperty("step." + number, done ? "done" : "not done");
    }

    void forgetAll() {
        steps.clear();
    }

    void save() {
        Properties out = new Properties();
        out.putAll(steps);
        out.setProperty("lesson", manifest);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.store(writer, "What earlier test runs showed; the progress report reads it. Deleted by mvn clean.");
            }
        } catch (IOException e) {
            // Only a later run of one step loses something: it shows the other steps as not run.
        }
    }
}
