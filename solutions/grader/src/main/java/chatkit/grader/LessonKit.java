// @kit:instructor-only
package chatkit.grader;

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
 * manifest with points (LESSON/src/test/resources/lesson-NN-steps.properties), and where the
 * kit's provided sources and compiled tests are.
 */
final class LessonKit {

    /** One step: what it is worth (visible and hidden tests), how often its tests run, what it needs. */
    record Step(int number, String title, String where, List<Integer> needs, double visiblePoints,
            double hiddenPoints, int runs) {

        double maxPoints() {
            return visiblePoints + hiddenPoints;
        }
    }

    private final Path kit;
    private final String folder;
    private final Properties manifest;
    private final String title;
    private final Map<Integer, Step> steps;

    private LessonKit(Path kit, String folder) throws IOException {
        this.kit = kit;
        this.folder = folder;
        this.manifest = load(kit.resolve("solutions").resolve(folder).resolve("lesson.properties"));
        Properties stepFile = load(kit.resolve(get("steps")));
        this.title = stepFile.getProperty("lesson.title", folder).trim();
        this.steps = new LinkedHashMap<>();
        for (int n = 1; stepFile.containsKey("step." + n + ".title"); n++) {
            String key = "step." + n + ".";
            List<Integer> needs = Arrays.stream(stepFile.getProperty(key + "needs", "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).collect(Collectors.toList());
            steps.put(n, new Step(n, stepFile.getProperty(key + "title").trim(),
                    stepFile.getProperty(key + "where", "README.md").trim(), needs,
                    number(stepFile, key + "points.visible"), number(stepFile, key + "points.hidden"),
                    Integer.parseInt(stepFile.getProperty(key + "runs", "1").trim())));
        }
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

    private static double number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("the step manifest has no " + key);
        }
        return Double.parseDouble(value.trim());
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
        return title;
    }

    /** "chatkit.lesson2" */
    String packageName() {
        return get("lesson.package");
    }

    String packagePath() {
        return packageName().replace('.', '/');
    }

    List<String> studentFiles() {
        return Arrays.stream(get("student.files").split(",")).map(String::trim).collect(Collectors.toList());
    }

    List<Step> steps() {
        return new ArrayList<>(steps.values());
    }

    Step step(int number) {
        return steps.get(number);
    }

    double maxPoints() {
        return steps.values().stream().mapToDouble(Step::maxPoints).sum();
    }

    /** The steps step {@code number} builds on, directly or through others (not itself). */
    Set<Integer> allNeeds(int number) {
        Set<Integer> all = new TreeSet<>();
        List<Integer> todo = new ArrayList<>(step(number).needs());
        while (!todo.isEmpty()) {
            int next = todo.remove(todo.size() - 1);
            if (steps.containsKey(next) && all.add(next)) {
                todo.addAll(step(next).needs());
            }
        }
        return all;
    }

    /** "1:1,2:3,..." for the test runner. */
    String runsArgument() {
        return steps.values().stream().map(s -> s.number() + ":" + s.runs()).collect(Collectors.joining(","));
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

    /** The hidden tests, as the instructor's checks compiled them against the starter's API. */
    Path hiddenTestClasses() {
        return kit.resolve("solutions/checks/target/test-classes");
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
