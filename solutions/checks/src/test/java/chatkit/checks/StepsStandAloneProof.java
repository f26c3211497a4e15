// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import chatkit.testkit.Steps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Each step stands on the steps it says it needs, and on nothing later: for every step N, a
 * student who has done step N and the steps it needs (lesson-NN-steps.properties, "needs"), and
 * nothing else, passes every visible and every hidden test of step N.
 *
 * The proof builds that student: the reference files, with the body of every method whose TODO
 * belongs to another step put back to the starter's body ("TODO K not done"). It compiles them
 * with the provided files and runs the step's visible and hidden tests (the hidden ones as
 * solutions/hidden-tests compiled them) against them in a class loader of their own. This keeps
 * the progress report's "waiting for step K" and a grader's "needs step K" true, and no step's
 * points ever depend on a later step.
 */
class StepsStandAloneProof {

    /** One launcher for every step (creating one reads the lessons' junit-platform.properties, with a warning). */
    private static final Launcher LAUNCHER = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false).build());

    private static final Pattern TODO_NUMBER = Pattern.compile("\"TODO (\\d+) not done");
    private static final Pattern METHOD_START = Pattern.compile(
            "^    (public |protected |private )?(static )?[\\w<>\\[\\], .]*\\([^;]*\\)( throws [\\w., ]+)? \\{$");

    @TempDir
    Path workspace;


    @ParameterizedTest(name = "{0}")
    @MethodSource("chatkit.checks.Lesson#all")
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // every step's whole suite, visible and hidden, runs here
    void everyStepPassesWithOnlyItselfAndWhatItNeeds(Lesson lesson) throws Exception {
        Map<Integer, Set<Integer>> needs = needs(lesson);
        List<String> failures = new ArrayList<>();
        for (int step : needs.keySet()) {
            Set<Integer> done = closure(step, needs);
            Path classes = compileStudentWith(lesson, done, workspace.resolve("step-" + step));
            List<String> notPassing = runStepTests(lesson, classes, step);
            System.out.printf("[stand-alone] %s: step %d with steps %s done: %s%n", lesson, step, done,
                    notPassing.isEmpty() ? "all its tests pass" : notPassing.size() + " tests do not pass");
            if (notPassing.isEmpty()) {
                continue;
            }
            failures.add("step " + step + " with only steps " + done + " done: " + notPassing);
        }
        assertThat(failures).as("%s: steps whose tests need more than the steps they declare"
                + " (fix the test, or add the step to step.N.needs in lesson-NN-steps.properties)", lesson).isEmpty();
    }

    /** step -> the steps it declares it needs, for every step of the lesson's manifest. */
    private static Map<Integer, Set<Integer>> needs(Lesson lesson) throws IOException {
        Map<Integer, Set<Integer>> needs = new LinkedHashMap<>();
        for (Steps.Step step : Steps.read(lesson.path("steps")).all()) {
            needs.put(step.number(), new TreeSet<>(step.needs()));
        }
        return needs;
    }

    private static Set<Integer> closure(int step, Map<Integer, Set<Integer>> needs) {
        Set<Integer> done = new TreeSet<>();
        List<Integer> todo = new ArrayList<>(List.of(step));
        while (!todo.isEmpty()) {
            int next = todo.remove(todo.size() - 1);
            if (done.add(next)) {
                todo.addAll(needs.getOrDefault(next, Set.of()));
            }
        }
        return done;
    }

    /** Compiles the provided files plus the student files with only the steps in {@code done} done. */
    private static Path compileStudentWith(Lesson lesson, Set<Integer> done, Path dir) throws IOException {
        Path sources = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        String packagePath = lesson.packageName().replace('.', '/');
        List<Path> toCompile = new ArrayList<>();
        try (Stream<Path> files = Files.list(lesson.starterSources().resolve(packagePath))) {
            for (Path starterFile : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                String name = starterFile.getFileName().toString();
                String text = Files.readString(starterFile);
                if (lesson.studentFiles().contains(name)) {
                    String reference = Files.readString(lesson.path("reference.dir").resolve(packagePath).resolve(name));
                    text = withOnlySteps(reference, text, done, name);
                }
                Path target = sources.resolve(packagePath).resolve(name);
                Files.createDirectories(target.getParent());
                Files.writeString(target, text);
                toCompile.add(target);
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-encoding", "UTF-8", "-nowarn"));
        toCompile.forEach(file -> arguments.add(file.toString()));
        int exitCode = javac.run(null, errors, errors, arguments.toArray(new String[0]));
        assertThat(exitCode).as("%s: the student with steps %s compiles:%n%s", lesson, done,
                errors.toString(StandardCharsets.UTF_8)).isZero();
        return classes;
    }

    /**
     * The reference text, with the body of each method whose starter body says "TODO K not done"
     * for a K not in {@code done} replaced by that starter body.
     */
    static String withOnlySteps(String reference, String starter, Set<Integer> done, String fileName) {
        String result = reference;
        Map<String, String> starterMethods = methodBodies(starter);
        long todoMethods = starterMethods.values().stream().filter(body -> TODO_NUMBER.matcher(body).find()).count();
        long todoThrows = TODO_NUMBER.matcher(starter).results().count();
        assertThat(todoMethods).as("%s: starter methods found around its %d \"TODO N not done\" throws (is a"
                + " signature split over lines? keep each on one line)", fileName, todoThrows).isEqualTo(todoThrows);
        for (Map.Entry<String, String> method : starterMethods.entrySet()) {
            Matcher todo = TODO_NUMBER.matcher(method.getValue());
            if (!todo.find() || done.contains(Integer.parseInt(todo.group(1)))) {
                continue;
            }
            Map<String, String> referenceMethods = methodBodies(result);
            String referenceDeclaration = referenceMethods.keySet().stream()
                    .filter(declaration -> sameMethod(declaration, method.getKey())).findFirst().orElse(null);
            assertThat(referenceDeclaration).as("%s: the reference has the starter's method '%s'", fileName,
                    method.getKey().strip()).isNotNull();
            String referenceBody = referenceMethods.get(referenceDeclaration);
            result = result.replace(referenceDeclaration + referenceBody, referenceDeclaration + method.getValue());
        }
        return result;
    }

    /**
     * The same method in starter and reference: the same declaration, but for {@code synchronized},
     * which a step may ask students to add (lesson 2's registry).
     */
    private static boolean sameMethod(String referenceDeclaration, String starterDeclaration) {
        return referenceDeclaration.replace("synchronized ", "").equals(starterDeclaration.replace("synchronized ", ""));
    }

    /** Declaration line (with its newline) -> body up to and including the closing brace, for each method. */
    private static Map<String, String> methodBodies(String source) {
        Map<String, String> bodies = new LinkedHashMap<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!METHOD_START.matcher(lines[i]).matches()) {
                continue;
            }
            StringBuilder body = new StringBuilder();
            int depth = 1;
            for (int j = i + 1; j < lines.length && depth > 0; j++) {
                for (char c : lines[j].toCharArray()) {
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                }
                body.append(lines[j]).append('\n');
            }
            bodies.put(lines[i] + "\n", body.toString());
        }
        return bodies;
    }

    /** Runs the visible and hidden tests tagged step-N against {@code classes}; returns those that did not pass. */
    private static List<String> runStepTests(Lesson lesson, Path classes, int step) throws Exception {
        Path visibleTests = lesson.root().resolve(lesson.folder()).resolve("target/test-classes");
        Path hiddenTests = lesson.hiddenTestClasses();
        String packagePath = lesson.packageName().replace('.', '/') + "/";
        List<DiscoverySelector> selectors = new ArrayList<>();
        List<String> notPassing = Collections.synchronizedList(new ArrayList<>());
        try (ChildFirstLoader loader = new ChildFirstLoader(new URL[] {classes.toUri().toURL(),
                visibleTests.toUri().toURL(), hiddenTests.toUri().toURL()},
                StepsStandAloneProof.class.getClassLoader(), lesson.packageName() + ".")) {
            for (Path testClasses : List.of(visibleTests, hiddenTests)) {
                try (Stream<Path> files = Files.walk(testClasses)) {
                    files.map(f -> testClasses.relativize(f).toString().replace('\\', '/'))
                            .filter(f -> f.startsWith(packagePath) && f.endsWith("Test.class"))
                            .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                            .forEach(name -> selectors.add(selectClass(loader, name)));
                }
            }
            // The lessons' settings, said here (their junit-platform.properties files: see ProgressReportProof).
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .enableImplicitConfigurationParameters(false)
                    .filters(TagFilter.includeTags("step-" + step))
                    .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .build();
            int[] ran = {0};
            LAUNCHER.execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest()) {
                        ran[0]++;
                        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            notPassing.add(test.getLegacyReportingName() + ": "
                                    + result.getThrowable().map(t -> String.valueOf(t.getMessage()).lines().findFirst()
                                    .orElse("")).orElse(""));
                        }
                    }
                }
            });
            assertThat(ran[0]).as("%s: tests of step %d", lesson, step).isPositive();
            System.out.printf("[stand-alone] %s: step %d: %d visible and hidden tests ran%n", lesson, step, ran[0]);
        }
        return notPassing;
    }

    /** Loads the lesson's classes (its package) from its own folders first; everything else from the parent. */
    private static final class ChildFirstLoader extends URLClassLoader {
        private final String prefix;

        ChildFirstLoader(URL[] urls, ClassLoader parent, String prefix) {
            super(urls, parent);
            this.prefix = prefix;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(prefix)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }
}
