// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Each handout step lists, on its "**Test names:**" line, exactly the visible test methods tagged
 * step-N, by the names Maven prints for a failing test: {@code TestClass.method}. So a student
 * can search the handout for what {@code mvn test} showed. A test of a {@code @Nested} class
 * counts under its top-level class (Surefire prints it so), a parameterized test once, by its
 * method's name (Surefire adds {@code (String)[2]}, which the handout explains). The tag may be on
 * the method or on the class: the tests are found the way JUnit finds them for
 * {@code -Dgroups=step-N}, by discovering the lesson's visible test classes.
 */
class HandoutsNameTestsProof {

    /** How a step's line of test names starts in the handout. */
    static final String LABEL = "**Test names:**";

    /** The test classes Surefire runs by default (its includes), by simple name. */
    private static final Pattern SUREFIRE_INCLUDES = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");
    private static final Pattern STEP_TAG = Pattern.compile("step-(\\d+)");
    private static final Pattern STEP_HEADING = Pattern.compile("^## Step (\\d+):");
    private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");
    private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z_$][\\w$]*\\.[A-Za-z_$][\\w$]*");
    /** Discovers tests, never runs them. */
    private static final Launcher LAUNCHER = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false).build());

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatkit.checks.Lesson#all")
    void everyStepListsExactlyItsTaggedTestsByMavensNames(Lesson lesson) throws IOException {
        Map<Integer, Set<String>> tagged = visibleTestsByStep(lesson);
        assertThat(tagged).as("%s: visible test methods tagged step-N", lesson).isNotEmpty();

        List<String> problems = problems(lesson.get("handout"), Files.readString(lesson.path("handout")), tagged);

        assertThat(problems).withFailMessage("%s: the %s lines of the handout's steps must name exactly the visible"
                + " test methods tagged step-N, as Maven prints a failing test (TestClass.method):%n  %s", lesson,
                LABEL, String.join(String.format("%n  "), problems)).isEmpty();
    }

    @Test
    void aMissingAnExtraAndAnUnlistedStepAreCaught() throws IOException {
        // The check must be able to fail: swap a name for a made-up one, and drop a whole line.
        Lesson lesson = Lesson.all().get(0);
        String handoutPath = lesson.get("handout");
        Map<Integer, Set<String>> tagged = visibleTestsByStep(lesson);
        String gone = tagged.get(1).iterator().next();
        String handout = Files.readString(lesson.path("handout")).replace("\r\n", "\n");
        assertThat(handout).as("%s lists %s", handoutPath, gone).contains("`" + gone + "`");
        Matcher step2 = Pattern.compile("(?ms)^## Step 2:.*?(^\\Q" + LABEL + "\\E.*?\\n)\\n").matcher(handout);
        assertThat(step2.find()).as("%s: step 2 has a %s line", handoutPath, LABEL).isTrue();
        String tampered = handout.replace("`" + gone + "`", "`NoSuchTest.nothing`").replace(step2.group(1), "");

        List<String> problems = problems(handoutPath, tampered, tagged);

        assertThat(problems).as("problems found in a tampered %s", handoutPath)
                .anySatisfy(problem -> assertThat(problem).contains("step 1", "missing", "add `" + gone + "` to the "
                        + LABEL + " line of step 1 in " + handoutPath))
                .anySatisfy(problem -> assertThat(problem).contains("step 1", "`NoSuchTest.nothing`",
                        "remove it from the " + LABEL + " line of step 1 in " + handoutPath))
                .anySatisfy(problem -> assertThat(problem).contains("step 2", "has no " + LABEL + " line",
                        String.join(", ", quoted(tagged.get(2)))));
    }

    /**
     * What is wrong with the {@value #LABEL} lines of {@code handout} (whose path is
     * {@code handoutPath}), each problem naming its step and saying what to do; empty when all agree.
     */
    static List<String> problems(String handoutPath, String handout, Map<Integer, Set<String>> tagged) {
        Map<Integer, List<List<String>>> listed = listedByStep(handout);
        List<String> problems = new ArrayList<>();
        Set<Integer> steps = new TreeSet<>(tagged.keySet());
        steps.addAll(listed.keySet());
        for (int step : steps) {
            Set<String> expected = tagged.getOrDefault(step, Set.of());
            String line = "the " + LABEL + " line of step " + step + " in " + handoutPath;
            if (!listed.containsKey(step)) {
                problems.add("step " + step + ": tests tagged step-" + step + " (" + String.join(", ", quoted(expected))
                        + ") but " + handoutPath + " has no '## Step " + step + ":' section: add the step to the handout");
                continue;
            }
            List<List<String>> lines = listed.get(step);
            if (lines.isEmpty()) {
                if (!expected.isEmpty()) {
                    problems.add("step " + step + " has no " + LABEL + " line: add one to step " + step + " in "
                            + handoutPath + ", after its list of tests: " + LABEL + " " + String.join(", ", quoted(expected)));
                }
                continue;
            }
            if (lines.size() > 1) {
                problems.add("step " + step + " has " + lines.size() + " " + LABEL + " lines: keep one in step " + step
                        + " of " + handoutPath + ", with all the names");
            }
            Set<String> seen = new TreeSet<>();
            for (String name : lines.stream().flatMap(List::stream).collect(Collectors.toList())) {
                if (!TEST_NAME.matcher(name).matches()) {
                    problems.add("step " + step + ": `" + name + "` is not a test name (TestClass.method): fix it in " + line);
                } else if (!seen.add(name)) {
                    problems.add("step " + step + ": `" + name + "` is listed twice: remove one from " + line);
                }
            }
            for (String name : expected) {
                if (!seen.contains(name)) {
                    problems.add("step " + step + ": missing `" + name + "` (a visible test tagged step-" + step
                            + "): add `" + name + "` to " + line);
                }
            }
            for (String name : seen) {
                if (!expected.contains(name)) {
                    problems.add("step " + step + ": extra `" + name + "` (no visible test method of that name is tagged"
                            + " step-" + step + "): remove it from " + line + ", or tag that test @Tag(\"step-" + step + "\")");
                }
            }
        }
        return problems;
    }

    /**
     * Step number -> the names quoted on each {@value #LABEL} line of its section (the paragraph
     * that starts with it), in order. Every "## Step N:" section is a key, with no lines if it has none.
     */
    static Map<Integer, List<List<String>>> listedByStep(String handout) {
        Map<Integer, List<List<String>>> listed = new TreeMap<>();
        Integer step = null;
        boolean inCode = false;
        StringBuilder paragraph = null;
        for (String line : (handout + "\n").split("\r?\n", -1)) {
            if (paragraph != null) {
                if (!line.isBlank() && !line.startsWith("#") && !line.strip().startsWith("```") && !line.startsWith("<")) {
                    paragraph.append(' ').append(line.strip());
                    continue;
                }
                List<String> names = new ArrayList<>();
                Matcher quoted = QUOTED.matcher(paragraph.substring(LABEL.length()));
                while (quoted.find()) {
                    names.add(quoted.group(1).strip());
                }
                listed.get(step).add(names);
                paragraph = null;
            }
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
            }
            if (inCode) {
                continue;
            }
            Matcher heading = STEP_HEADING.matcher(line);
            if (heading.find()) {
                step = Integer.parseInt(heading.group(1));
                listed.computeIfAbsent(step, n -> new ArrayList<>());
            } else if (line.startsWith("# ") || line.startsWith("## ")) {
                step = null;
            } else if (step != null && line.startsWith(LABEL)) {
                paragraph = new StringBuilder(line.strip());
            }
        }
        return listed;
    }

    /**
     * Step number -> "TestClass.method" of every visible test method tagged step-N (on the method
     * or on its class), as JUnit discovers the lesson's visible test classes.
     */
    static Map<Integer, Set<String>> visibleTestsByStep(Lesson lesson) throws IOException {
        Path sources = lesson.path("visible.tests");
        List<DiscoverySelector> selectors;
        try (Stream<Path> files = Files.walk(sources)) {
            selectors = files.map(file -> sources.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> file.endsWith(".java"))
                    .map(file -> file.substring(0, file.length() - ".java".length()).replace('/', '.'))
                    .filter(name -> SUREFIRE_INCLUDES.matcher(name.substring(name.lastIndexOf('.') + 1)).matches())
                    .sorted()
                    .map(name -> selectClass(name))
                    .collect(Collectors.toList());
        }
        // Only the tests and their tags matter: no junit-platform.properties (every lesson has one on this class path).
        TestPlan plan = LAUNCHER.discover(LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .enableImplicitConfigurationParameters(false).build());
        Map<Integer, Set<String>> byStep = new TreeMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                // A @Test is a test; a parameterized test or test factory is a container: each has its method as source.
                if (test.getSource().orElse(null) instanceof org.junit.platform.engine.support.descriptor.MethodSource method) {
                    String name = mavenName(method.getClassName(), method.getMethodName());
                    for (TestTag tag : test.getTags()) {
                        Matcher step = STEP_TAG.matcher(tag.getName());
                        if (step.matches()) {
                            byStep.computeIfAbsent(Integer.parseInt(step.group(1)), n -> new TreeSet<>()).add(name);
                        }
                    }
                }
            }
        }
        return byStep;
    }

    /** The name Surefire prints: the top-level class's simple name (also for a @Nested class's test), a dot, the method. */
    static String mavenName(String className, String methodName) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return (nested < 0 ? simple : simple.substring(0, nested)) + "." + methodName;
    }

    private static List<String> quoted(Set<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.toList());
    }
}
