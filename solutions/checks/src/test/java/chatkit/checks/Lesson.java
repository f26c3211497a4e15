// @kit:instructor-only
package chatkit.checks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/** One lesson as its manifest (solutions/LESSON/lesson.properties) describes it. */
record Lesson(String folder, Path root, Properties manifest) {

    static Path kitRoot() {
        return Paths.get(System.getProperty("kit.root", "../..")).toAbsolutePath().normalize();
    }

    /** The lessons the build checks: {@code -Dkit.lessons=lesson-01-console,...} (set in the pom). */
    static List<Lesson> all() {
        return Arrays.stream(System.getProperty("kit.lessons", "lesson-01-console").split(","))
                .map(String::trim).map(Lesson::load).collect(Collectors.toList());
    }

    static Lesson load(String folder) {
        Path root = kitRoot();
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve("solutions").resolve(folder).resolve("lesson.properties"),
                StandardCharsets.UTF_8)) {
            manifest.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the manifest of " + folder, e);
        }
        return new Lesson(folder, root, manifest);
    }

    String get(String key) {
        String value = manifest.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("solutions/" + folder + "/lesson.properties has no " + key);
        }
        return value.trim();
    }

    Path path(String key) {
        return root.resolve(get(key));
    }

    String packageName() {
        return get("lesson.package");
    }

    /** The files students write: the reference's files (lesson.properties says why nothing lists them). */
    List<String> studentFiles() {
        try (java.util.stream.Stream<Path> files = Files.list(path("reference.dir").resolve(packageName().replace('.', '/')))) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the reference files of " + folder, e);
        }
    }

    /** Compiled starter classes: what students start from. */
    Path starterClasses() {
        return root.resolve(folder).resolve("target/classes");
    }

    /** The hidden tests of every lesson, as solutions/hidden-tests compiled them against the starter. */
    Path hiddenTestClasses() {
        return root.resolve("solutions/hidden-tests/target/test-classes");
    }

    /** Compiled reference: the reference's own files plus the provided ones. */
    Path referenceClasses() {
        return root.resolve("solutions").resolve(folder).resolve("target/classes");
    }

    Path referenceReports() {
        return root.resolve("solutions").resolve(folder).resolve("target/surefire-reports");
    }

    Path starterSources() {
        return root.resolve(folder).resolve("src/main/java");
    }

    @Override
    public String toString() {
        return folder;
    }
}
