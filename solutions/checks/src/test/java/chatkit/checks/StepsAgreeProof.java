// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.testkit.Steps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handout step N = TODO N = tests tagged step-N = step N of lesson-NN-steps.properties, in every lesson;
 * and the manifest's student files are exactly the reference's files.
 */
class StepsAgreeProof {


    @ParameterizedTest(name = "{0}")
    @MethodSource("chatkit.checks.Lesson#all")
    void handoutTodosTagsAndManifestNameTheSameSteps(Lesson lesson) throws IOException {
        Set<Integer> manifestSteps = manifestSteps(lesson);
        Set<Integer> handoutSteps = numbers(Files.readString(lesson.path("handout")), "(?m)^## Step (\\d+):");
        Set<Integer> todoSteps = numbers(allText(lesson.starterSources()), "// TODO (\\d+)\\b");
        Set<Integer> visibleTags = numbers(allText(lesson.path("visible.tests")), "@Tag\\(\"step-(\\d+)\"\\)");
        Set<Integer> hiddenTags = numbers(allText(lesson.path("hidden.tests")), "@Tag\\(\"step-(\\d+)\"\\)");

        assertThat(manifestSteps).as("%s: steps in lesson-NN-steps.properties", lesson).isNotEmpty();
        assertThat(handoutSteps).as("%s: '## Step N:' headings in the handout", lesson).isEqualTo(manifestSteps);
        assertThat(todoSteps).as("%s: TODO numbers in the starter code", lesson).isEqualTo(manifestSteps);
        assertThat(visibleTags).as("%s: step tags of the visible tests (every step needs tests)", lesson)
                .isEqualTo(manifestSteps);
        assertThat(manifestSteps).as("%s: hidden tests grade only steps of the handout", lesson).containsAll(hiddenTags);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatkit.checks.Lesson#all")
    void needsStepKOnlyWhenTheStepBuildsOnK(Lesson lesson) throws IOException {
        // A step-N test that meets "TODO K not done": the student's step N needs step K first only
        // when N builds on K. Otherwise N's tests never call K (StepsStandAloneProof), so the code
        // written for N does, and the message must say so instead of blaming step K.
        Steps steps = Steps.read(lesson.path("steps"));
        for (Steps.Step step : steps.all()) {
            for (Steps.Step other : steps.all()) {
                if (other.number() == step.number()) {
                    continue;
                }
                String message = steps.explain(step.number(), new UnsupportedOperationException("TODO " + other.number()
                        + " not done: X.y() - see README, step " + other.number())).getMessage();
                if (steps.withNeeds(step.number()).contains(other.number())) {
                    assertThat(message).as("%s step %d meets TODO %d", lesson, step.number(), other.number())
                            .startsWith("Step " + step.number() + " needs step " + other.number() + " first");
                } else {
                    assertThat(message).as("%s step %d meets TODO %d", lesson, step.number(), other.number())
                            .doesNotContain("needs step").contains("does not build on step " + other.number());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatkit.checks.Lesson#all")
    void handoutListsEveryVisibleStepTest(Lesson lesson) throws IOException {
        String handout = Files.readString(lesson.path("handout"));
        Matcher names = Pattern.compile("@DisplayName\\(\"Step \\d+: (.*)\"\\)").matcher(allText(lesson.path("visible.tests")));
        Set<String> missing = new TreeSet<>();
        while (names.find()) {
            String name = names.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            if (!handout.contains(name)) {
                missing.add(name);
            }
        }
        assertThat(missing).as("%s: visible tests the handout does not list under their step (copy the"
                + " @DisplayName without \"Step N: \")", lesson).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatkit.checks.Lesson#all")
    void everyReferenceFileIsAStarterFileWithTodos(Lesson lesson) throws IOException {
        // The reference's files are the student files (nothing else lists them): each must be a
        // Java file of the starter, where students find it with its TODOs.
        assertThat(lesson.studentFiles()).as("%s: the reference's files (the student files)", lesson).isNotEmpty()
                .allMatch(file -> file.endsWith(".java"), "Java files only");
        for (String file : lesson.studentFiles()) {
            Path starter = lesson.starterSources().resolve(lesson.packageName().replace('.', '/')).resolve(file);
            assertThat(starter).as("%s: the starter has %s, the reference's file of that name", lesson, file)
                    .isRegularFile();
            assertThat(Files.readString(starter)).as("%s: the starter's %s holds TODOs for students", lesson, file)
                    .containsPattern("TODO \\d+");
        }
    }

    private static Set<Integer> manifestSteps(Lesson lesson) throws IOException {
        return Steps.read(lesson.path("steps")).all().stream().map(Steps.Step::number)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String allText(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                text.append(Files.readString(file)).append('\n');
            }
            return text.toString();
        }
    }

    private static Set<Integer> numbers(String text, String regex) {
        Set<Integer> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }
}
