package chatkit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A lesson's steps, as listed in its {@code lesson-NN-steps.properties}: the same numbers as the
 * README's steps, the TODOs and the {@code @Tag("step-N")} of the tests.
 *
 * Every lesson uses this one class, so it finds the right file from the test class it serves:
 * tests in package {@code chatkit.lesson2} (or below it) are lesson 2's, whose steps are listed in
 * {@code lesson-02-steps.properties} in that lesson's {@code src/test/resources}.
 */
public final class Steps {

    private static final Pattern LESSON_PACKAGE = Pattern.compile("^chatkit\\.lesson(\\d+)\\b");
    private static final Map<String, Steps> LOADED = new ConcurrentHashMap<>();
    private static final Pattern STEP_KEY = Pattern.compile("step\\.(\\d+)\\..*");
    private static final Pattern STEP_TAG = Pattern.compile("step-(\\d+)");
    private static final Pattern TODO_NOT_DONE = Pattern.compile("TODO (\\d+) not done");
    private static final Pattern TODO_SENTENCE = Pattern.compile("TODO \\d+ not done[^\\n]*");
    private static final Pattern STEP_PREFIX = Pattern.compile("^Step (\\d+)\\b");

    /**
     * One step: its number, title, where to look, the steps it builds on, what it is worth when
     * its visible and its hidden tests pass (the instructor's grader), and how many times the
     * grader runs its tests.
     */
    public record Step(int number, String title, String where, List<Integer> needs, double visiblePoints,
            double hiddenPoints, int runs) {

        public double maxPoints() {
            return visiblePoints + hiddenPoints;
        }
    }

    private final String manifest;
    private final String lessonTitle;
    private final List<Step> steps;

    private Steps(String manifest, String lessonTitle, List<Step> steps) {
        this.manifest = manifest;
        this.lessonTitle = lessonTitle;
        this.steps = steps;
    }

    /** The file that lists the steps of the lesson a test class belongs to: "lesson-02-steps.properties". */
    public static String manifestFor(String testClassName) {
        Matcher lesson = LESSON_PACKAGE.matcher(testClassName);
        if (!lesson.find()) {
            throw new IllegalStateException(testClassName + " is in no lesson's package (chatkit.lessonN)");
        }
        return String.format("lesson-%02d-steps.properties", Integer.parseInt(lesson.group(1)));
    }

    /** The steps of the lesson that {@code testClassName} belongs to, read once from the test class path. */
    public static Steps ofLesson(String testClassName) {
        return LOADED.computeIfAbsent(manifestFor(testClassName), Steps::load);
    }

    private static Steps load(String manifest) {
        try (InputStream in = Steps.class.getClassLoader().getResourceAsStream(manifest)) {
            if (in == null) {
                throw new IllegalStateException(manifest + " is missing from src/test/resources");
            }
            return read(manifest, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + manifest, e);
        }
    }

    /** The steps listed in the step manifest {@code file} (the instructor's tools read each lesson's). */
    public static Steps read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), in);
        }
    }

    /**
     * The steps listed in a step manifest ({@code name} is its file name, for messages). This is
     * the one reader of step manifests: the tests, the grader, the export tool and the checks all
     * use it. A missing or unreadable entry is an error that names the manifest and the key.
     */
    public static Steps read(String name, Reader manifest) throws IOException {
        Properties properties = new Properties();
        properties.load(manifest);
        List<Step> steps = new ArrayList<>();
        for (int n = 1; properties.containsKey("step." + n + ".title"); n++) {
            String key = "step." + n + ".";
            List<Integer> needs = new ArrayList<>();
            for (String need : properties.getProperty(key + "needs", "").split(",")) {
                if (!need.isBlank()) {
                    needs.add(whole(name, key + "needs", need));
                }
            }
            steps.add(new Step(n, properties.getProperty(key + "title").trim(),
                    properties.getProperty(key + "where", "README.md").trim(), List.copyOf(needs),
                    points(name, properties, key + "points.visible"), points(name, properties, key + "points.hidden"),
                    whole(name, key + "runs", properties.getProperty(key + "runs", "1"))));
        }
        for (String key : properties.stringPropertyNames()) {
            Matcher stepKey = STEP_KEY.matcher(key);
            if (stepKey.matches() && Integer.parseInt(stepKey.group(1)) > steps.size()) {
                throw new IllegalStateException(name + " has " + key + " but no step." + (steps.size() + 1)
                        + ".title: number the steps 1, 2, 3... without a gap, each with a title");
            }
        }
        return new Steps(name, properties.getProperty("lesson.title", "This lesson").trim(), List.copyOf(steps));
    }

    private static double points(String name, Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(name + " has no " + key + " (what the step is worth)");
        }
        value = value.trim();
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + ": " + key + " must be a number, not '" + value + "'");
        }
    }

    private static int whole(String name, String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + ": " + key + " must list whole numbers, not '" + value.trim() + "'");
        }
    }

    /** The manifest's file name, "lesson-02-steps.properties". */
    public String manifest() {
        return manifest;
    }

    public String lessonTitle() {
        return lessonTitle;
    }

    public List<Step> all() {
        return steps;
    }

    public Step step(int number) {
        return steps.get(number - 1);
    }

    /** What the whole lesson is worth in the instructor's grader. */
    public double maxPoints() {
        return steps.stream().mapToDouble(Step::maxPoints).sum();
    }

    /** Step {@code number} and every step it needs, directly or through others. */
    public Set<Integer> withNeeds(int number) {
        Set<Integer> all = new TreeSet<>();
        List<Integer> todo = new ArrayList<>(List.of(number));
        while (!todo.isEmpty()) {
            int next = todo.remove(todo.size() - 1);
            if (next >= 1 && next <= steps.size() && all.add(next)) {
                todo.addAll(step(next).needs());
            }
        }
        return all;
    }

    /** The step number of a test, from its tags ("step-3" gives 3); empty for provided-code tests. */
    public static Optional<Integer> stepOf(Set<String> tags) {
        for (String tag : tags) {
            Matcher matcher = STEP_TAG.matcher(tag);
            if (matcher.matches()) {
                return Optional.of(Integer.parseInt(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The earlier TODO that a failure reports as not done ("TODO 4 not done: ..."), if any. */
    public static Optional<Integer> unfinishedTodo(String message) {
        Matcher matcher = TODO_NOT_DONE.matcher(message == null ? "" : message);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /**
     * Turns any failure of a step-N test into a plain-words test failure whose message starts
     * with "Step N", says where to look, and keeps the original as its cause.
     */
    public AssertionError explain(int number, Throwable failure) {
        String message = gist(failure);
        Matcher alreadyExplained = STEP_PREFIX.matcher(message);
        if (alreadyExplained.find() && alreadyExplained.group(1).equals(String.valueOf(number))
                && failure instanceof AssertionError) {
            return (AssertionError) failure;
        }
        Step step = step(number);
        String explained;
        Optional<Integer> todo = unfinishedTodo(String.valueOf(failure.getMessage()));
        if (todo.isPresent() && todo.get() != number && withNeeds(number).contains(todo.get())) {
            explained = "Step " + number + " needs step " + todo.get() + " first: " + message;
        } else if (todo.isPresent() && todo.get() != number) {
            // The step does not build on that one, and its tests never call it: the code written
            // for this step does. That is the mistake to fix, not the other step.
            explained = "Step " + number + " (look at " + step.where() + "): your code for this step calls step "
                    + todo.get() + "'s unfinished TODO, but step " + number + " does not build on step " + todo.get()
                    + ": do it without it. [" + message + "]";
        } else if (failure instanceof TimeoutException) {
            explained = "Step " + number + " timed out: your code did not finish. It waits for something that never"
                    + " comes (a line, a client, a flush?) or loops forever. Look at " + step.where() + ". [" + message + "]";
        } else {
            explained = "Step " + number + " (look at " + step.where() + "): " + message;
        }
        return new AssertionError(explained, failure);
    }

    /**
     * False for a failure that only says what was expected ("expected: ... but was: ...",
     * AssertJ's "Expecting ...") or that a test was not run: another failure of the same step may
     * say why, and reports show that one first.
     */
    public static boolean namesACause(String message) {
        String text = message.strip();
        int lookAt = text.indexOf("(look at ");
        int end = text.indexOf("): ");
        if (text.startsWith("Step ") && lookAt >= 0 && end > lookAt) {
            text = text.substring(end + 3);
        } else if (text.matches("(?s)^Step \\d+: .*")) {
            text = text.substring(text.indexOf(": ") + 2);
        }
        text = text.strip();
        return !(text.startsWith("expected") || text.startsWith("Expecting") || text.startsWith("not run")
                || StepTimeouts.notRun(text));
    }

    /**
     * The gist of a failure in one line: its message with the lines joined (AssertJ puts its
     * description on the first line, expected and actual values below), or its kind if it has
     * no message. When a "TODO N not done" sentence hides further down, the first line and
     * that sentence.
     */
    public static String gist(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String[] lines = message.strip().split("\\R");
        Matcher todo = TODO_SENTENCE.matcher(message);
        String first;
        if (todo.find() && !lines[0].contains("TODO")) {
            first = lines[0].strip() + " " + todo.group().strip();
        } else {
            // Drop stack-trace lines that AssertJ quotes ("at ..."): the gist is in the rest.
            first = Arrays.stream(lines).map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("at ") && !line.startsWith("..."))
                    .collect(Collectors.joining(" "));
        }
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }
}
