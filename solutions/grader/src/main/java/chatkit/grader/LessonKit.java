// @kit:instructor-only
package chatkit.grader;

import chatkit.testkit.Steps;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One lesson as the grader sees it: its manifest (solutions/LESSON/lesson.properties), its step
 * manifest with points (LESSON/src/test/resources/lesson-NN-steps.properties, read by the lessons'
 * own {@link Steps}), its student files (those of the reference), and where the kit's provided
 * sources and compiled tests are.
 */
final class LessonKit {

    private final Path kit;
    private final String folder;
    private final Properties manifest;
    private final Steps steps;

    private LessonKit(Path kit, String folder) throws IOException {
        this.kit = kit;
        this.folder = folder;
        this.manifest = load(kit.resolve("solutions").resolve(folder).resolve("lesson.properties"));
        // The same reader as the lessons' own tests: titles, where to look, needs, points, runs.
        this.steps = Steps.read(kit.resolve(get("steps")));
    }

    /** Every lesson of the kit: each folder of solutions/ with a lesson.properties, in order. */
    static List<LessonKit> all(Path kit) throws IOException {
        List<LessonKit> lessons = new ArrayList<>();
        try (Stream<Path> folders = Files.list(kit.resolve("solutions"))) {
            for (Path folder : folders.sorted().collect(Collectors.toList())) {
                if (Files.isRegularFile(folder.resolve("lesson.properties"))) {
                    lessons.add(new LessonKit(kit, folder.getFileName().toString()));
                }
            }
        }
        return lessons;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private String get(String key) {
        String value = manifest.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("solutions/" + folder + "/lesson.properties has no " + key);
        }
        return value.trim();
    }

    /** "lesson-02-threads" */
    String folder() {
        return folder;
    }

    /** 2 for lesson-02-threads. */
    int number() {
        return Integer.parseInt(folder.substring("lesson-".length(), "lesson-".length() + 2));
    }

    String title() {
        return steps.lessonTitle();
    }

    /** "chatkit.lesson2" */
    String packageName() {
        return get("lesson.package");
    }

    String packagePath() {
        return packageName().replace('.', '/');
    }

    /** The manifest key a Gradescope bundle writes the student files under (see {@link #studentFiles()}). */
    static final String STUDENT_FILES = "student.files";

    /**
     * The files students write: the files of the reference's package folder (each is the starter's
     * file with its TODOs done). Nothing lists them by hand; a Gradescope bundle, which carries no
     * reference, writes them into its copy of the manifest.
     */
    List<String> studentFiles() {
        if (manifest.containsKey(STUDENT_FILES)) {
            return Arrays.stream(get(STUDENT_FILES).split(",")).map(String::trim).collect(Collectors.toList());
        }
        try (Stream<Path> files = Files.list(referenceSources().resolve(packagePath()))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".java")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the reference files of " + folder, e);
        }
    }

    List<Steps.Step> steps() {
        return steps.all();
    }

    Steps.Step step(int number) {
        return steps.step(number);
    }

    double maxPoints() {
        return steps.maxPoints();
    }

    /** The steps step {@code number} builds on, directly or through others (not itself). */
    Set<Integer> allNeeds(int number) {
        Set<Integer> all = new TreeSet<>(steps.withNeeds(number));
        all.remove(number);
        return all;
    }

    /** "1:1,2:3,..." for the test runner: how often each of {@code only} (every step, if empty) runs. */
    String runsArgument(Set<Integer> only) {
        return steps().stream().filter(s -> only.isEmpty() || only.contains(s.number()))
                .map(s -> s.number() + ":" + s.runs()).collect(Collectors.joining(","));
    }

    /** The lesson's src/main/java in the kit: the starter, whose non-student files are the provided code. */
    Path starterSources() {
        return kit.resolve(folder).resolve("src/main/java");
    }

    /** The reference versions of the student files (solutions/LESSON/src/main/java). */
    Path referenceSources() {
        return kit.resolve(get("reference.dir"));
    }

    Path visibleTestClasses() {
        return kit.resolve(folder).resolve("target/test-classes");
    }

    /** The hidden tests, as solutions/hidden-tests compiled them against the starter's API. */
    Path hiddenTestClasses() {
        return kit.resolve("solutions/hidden-tests/target/test-classes");
    }

    /** The lesson's Java options for its tests (charset, line ends, locale, headless Swing). */
    Path jvmArgsFile() {
        return kit.resolve(folder).resolve("src/test/jvm.args");
    }

    /**
     * System properties the lesson's hidden tests need, from the manifest's "grade.property.NAME"
     * entries; "${kit}" in a value is the kit's folder.
     */
    Map<String, String> testProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : new TreeSet<>(manifest.stringPropertyNames())) {
            if (key.startsWith("grade.property.")) {
                properties.put(key.substring("grade.property.".length()),
                        manifest.getProperty(key).trim().replace("${kit}", kit.toString()));
            }
        }
        return properties;
    }

    /** What must exist before this lesson can be graded (built by solutions/grade). */
    List<Path> builtParts() {
        List<Path> parts = new ArrayList<>(List.of(visibleTestClasses().resolve(packagePath()),
                hiddenTestClasses().resolve(packagePath()).resolve("hidden")));
        testProperties().values().stream().filter(v -> v.startsWith(kit.toString())).map(Path::of).forEach(parts::add);
        return parts;
    }

    @Override
    public String toString() {
        return folder;
    }
}
