package chatkit.lesson3.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The lesson's steps, as listed in {@code lesson-03-steps.properties}: the same numbers as the
 * README's steps, the TODOs and the {@code @Tag("step-N")} of the tests.
 */
public final class Steps {

    /** The file that lists the steps; also read by the instructor's checks. */
    public static final String MANIFEST = "lesson-03-steps.properties";

    private static final Pattern STEP_TAG = Pattern.compile("step-(\\d+)");
    private static final Pattern TODO_NOT_DONE = Pattern.compile("TODO (\\d+) not done");
    private static final Pattern TODO_SENTENCE = Pattern.compile("TODO \\d+ not done[^\\n]*");
    private static final Pattern STEP_PREFIX = Pattern.compile("^Step (\\d+)\\b");

    /** One step: its number, title, where to look, and the steps it builds on. */
    public record Step(int number, String title, String where, List<Integer> needs) {
    }

    private final String lessonTitle;
    private final List<Step> steps;

    private Steps(String lessonTitle, List<Step> steps) {
        this.lessonTitle = lessonTitle;
        this.steps = steps;
    }

    /** The steps of this lesson, from {@value #MANIFEST} on the test class path. */
    public static Steps load() {
        try (InputStream in = Steps.class.getClassLoader().getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException(MANIFEST + " is missing from src/test/resources");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + MANIFEST, e);
        }
    }

    /** The steps listed in a {@value #MANIFEST} file (the instructor's checks read each lesson's). */
    public static Steps read(Reader manifest) throws IOException {
        Properties properties = new Properties();
        properties.load(manifest);
        List<Step> steps = new ArrayList<>();
        for (int n = 1; properties.containsKey("step." + n + ".title"); n++) {
            List<Integer> needs = new ArrayList<>();
            for (String need : properties.getProperty("step." + n + ".needs", "").split(",")) {
                if (!need.isBlank()) {
                    needs.add(Integer.parseInt(need.trim()));
                }
            }
            steps.add(new Step(n, properties.getProperty("step." + n + ".title"),
                    properties.getProperty("step." + n + ".where", "README.md"), needs));
        }
        return new Steps(properties.getProperty("lesson.title", "This lesson"), steps);
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

    /** Step {@code number} and every step it needs, directly or through others. */
    public Set<Integer> withNeeds(int number) {
        Set<Integer> all = new java.util.TreeSet<>();
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
        if (todo.isPresent() && todo.get() != number) {
            explained = "Step " + number + " needs step " + todo.get() + " first: " + message;
        } else if (failure instanceof TimeoutException) {
            explained = "Step " + number + " timed out: your code did not finish. It waits for something that never"
                    + " comes (a line, a client, a flush?) or loops forever. Look at " + step.where() + ". [" + message + "]";
        } else {
            explained = "Step " + number + " (look at " + step.where() + "): " + message;
        }
        return new AssertionError(explained, failure);
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
