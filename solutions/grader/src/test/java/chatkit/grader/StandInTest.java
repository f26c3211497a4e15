// @kit:instructor-only
package chatkit.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's code stands in for some steps of a student's file, and only for those. */
class StandInTest {

    static Path kit = Paths.get(System.getProperty("kit.root", "../..")).toAbsolutePath().normalize();

    private static final String STARTER = String.join("\n",
            "package demo;",
            "",
            "import java.util.List;",
            "",
            "public class Registry {",
            "    private final List<String> names = new java.util.ArrayList<>();",
            "",
            "    public boolean add(String name) {",
            "        throw new UnsupportedOperationException(",
            "                \"TODO 2 not done: Registry.add() - see README, step 2\");",
            "    }",
            "",
            "    public String greet(String name) {",
            "        throw new UnsupportedOperationException(",
            "                \"TODO 3 not done: Registry.greet() - see README, step 3\");",
            "    }",
            "}",
            "");

    private static final String REFERENCE = String.join("\n",
            "package demo;",
            "",
            "import java.util.List;",
            "import java.util.Locale;",
            "",
            "public class Registry {",
            "    private final List<String> names = new java.util.ArrayList<>();",
            "",
            "    public synchronized boolean add(String name) {",
            "        return !names.contains(name) && names.add(name);",
            "    }",
            "",
            "    public String greet(String name) {",
            "        return \"Hello, \" + shout(name);",
            "    }",
            "",
            "    private static String shout(String name) {",
            "        return name.toUpperCase(Locale.ROOT);",
            "    }",
            "}",
            "");

    /** A student's own layout: braces on lines of their own, comments, a helper of their own. */
    private static final String STUDENT = String.join("\n",
            "package demo;",
            "",
            "import java.util.List;",
            "",
            "public class Registry",
            "{",
            "    private final List<String> names = new java.util.ArrayList<>();",
            "",
            "    // adds a name { not balanced in a comment",
            "    public boolean add(",
            "            String name)",
            "    {",
            "        names.add(name); // forgot the check, and synchronized",
            "        return true;",
            "    }",
            "",
            "    public String greet(String name)",
            "    {",
            "        return \"Hi \" + polite(name) + \"}\";",
            "    }",
            "",
            "    private String polite(String name) { return \"dear \" + name; }",
            "}",
            "");

    @Test
    @DisplayName("the stood-in step's method is the reference's whole method, declaration too; the rest is the student's")
    void onlyTheStoodInStepChanges() {
        StandIn.Mixed mixed = StandIn.mixFile("Registry.java", STUDENT, STARTER, REFERENCE, Set.of(2));

        assertThat(mixed.problem()).isNull();
        String text = mixed.sources().get("Registry.java");
        assertThat(text).contains("    public synchronized boolean add(String name) {\n"
                + "        return !names.contains(name) && names.add(name);\n    }")
                .doesNotContain("forgot the check")
                .contains("return \"Hi \" + polite(name) + \"}\";", "private String polite(String name)",
                        "// adds a name { not balanced in a comment", "public class Registry\n{");
    }

    @Test
    @DisplayName("the reference's helpers and imports come along with its method")
    void helpersAndImportsComeAlong() {
        StandIn.Mixed mixed = StandIn.mixFile("Registry.java", STUDENT, STARTER, REFERENCE, Set.of(3));

        String text = mixed.sources().get("Registry.java");
        assertThat(text).contains("return \"Hello, \" + shout(name);", "private static String shout(String name) {",
                "import java.util.Locale;", "forgot the check");
    }

    @Test
    @DisplayName("a student's helper of the same name gives way to the reference's, which the stood-in code calls")
    void aHelperOfTheSameNameGivesWay() {
        String student = STUDENT.replace("private String polite(String name) { return \"dear \" + name; }",
                "private static String shout(String name) { while (true) { } }");

        String text = StandIn.mixFile("Registry.java", student, STARTER, REFERENCE, Set.of(3)).sources()
                .get("Registry.java");

        assertThat(text).contains("return name.toUpperCase(Locale.ROOT);").doesNotContain("while (true)");
    }

    @Test
    @DisplayName("a student file without the starter's method cannot be mixed, and says which method is missing")
    void aMissingMethodIsAProblem() {
        String student = STUDENT.replace("public boolean add(", "public boolean addName(");

        StandIn.Mixed mixed = StandIn.mixFile("Registry.java", student, STARTER, REFERENCE, Set.of(2));

        assertThat(mixed.problem()).isEqualTo("Registry.java has no method add(String)");
    }

    @Test
    @DisplayName("a step not standing in leaves the student's file exactly as it was")
    void nothingStandsInNothingChanges() {
        assertThat(StandIn.mixFile("Registry.java", STUDENT, STARTER, REFERENCE, Set.of(7)).sources())
                .containsEntry("Registry.java", STUDENT);
    }

    @Test
    @DisplayName("in every lesson, the starter has every step not started, and with the reference standing in for"
            + " every step it compiles, with none")
    void everyLessonsStarterWithEveryStepStoodInCompiles(@TempDir Path temp) throws Exception {
        for (LessonKit lesson : LessonKit.all(kit)) {
            Map<String, String> starter = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(lesson.starterSources())) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                    starter.put(lesson.starterSources().relativize(file).toString().replace('\\', '/'),
                            Files.readString(file));
                }
            }
            Set<Integer> every = lesson.steps().stream().map(step -> step.number()).collect(Collectors.toSet());

            assertThat(StandIn.notStarted(lesson, starter)).as("%s: the starter's steps not started", lesson)
                    .isEqualTo(every);

            StandIn.Mixed mixed = StandIn.mix(lesson, starter, every);

            assertThat(mixed.problem()).as("%s", lesson).isNull();
            assertThat(String.join("\n", mixed.sources().values())).as("%s", lesson)
                    .doesNotContainPattern("TODO \\d+ not done");
            List<String> notes = new ArrayList<>();
            StudentBuild.Compiled compiled = StudentBuild.compile(mixed.sources(), notes, temp.resolve(lesson.folder()));
            assertThat(compiled.errors()).as("%s: compiler errors", lesson).isNull();
            assertThat(StandIn.notStarted(lesson, mixed.sources())).as("%s: steps not started, all stood in", lesson)
                    .isEmpty();
        }
    }
}
