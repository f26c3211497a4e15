// @kit:instructor-only
package chatkit.grader;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the results file that the test runner writes (in the test JVM) and the grader reads:
 * a kind and its fields, tab-separated, with tabs, line ends and backslashes escaped.
 * Each kind is a record here, so writer and reader cannot disagree on a field's place.
 */
sealed interface ResultLine {

    /** A test and one of its runs: the same test method runs again in run 2 and 3 of a racy step. */
    record TestKey(int run, String id) {
    }

    /** How a test ended. LOST is the grader's own: the test never reported (its JVM ended). */
    enum Status {
        SUCCESSFUL, FAILED, ABORTED, LOST
    }

    /** A test method the run will run: its step, whether it is hidden, its name. Written before any test runs. */
    record Plan(TestKey test, int step, boolean hidden, String name) implements ResultLine {
        public List<String> fields() {
            return List.of("PLAN", run(test), test.id(), String.valueOf(step), hidden ? "hidden" : "visible", name);
        }
    }

    /** A test started. */
    record Start(TestKey test, String name) implements ResultLine {
        public List<String> fields() {
            return List.of("START", run(test), test.id(), name);
        }
    }

    /** A test ended (or was skipped), after {@code millis}. */
    record Done(TestKey test, Status status, String message, long millis) implements ResultLine {
        public List<String> fields() {
            return List.of("DONE", run(test), test.id(), status.name(), message, String.valueOf(millis));
        }
    }

    /** A test class whose set-up failed: its tests never run. */
    record Broken(TestKey container, String message) implements ResultLine {
        public List<String> fields() {
            return List.of("BROKEN", run(container), container.id(), message);
        }
    }

    /** A test of this step part timed out ({@link chatkit.testkit.StepTimeouts#part}). */
    record TimedOut(String part) implements ResultLine {
        public List<String> fields() {
            return List.of("TIMEOUT", part);
        }
    }

    /** After a time-out the JVM ends itself, so that none of the test's threads lives on: go on in a fresh one. */
    record Restart() implements ResultLine {
        public List<String> fields() {
            return List.of("RESTART");
        }
    }

    /** Every planned test ran. */
    record End() implements ResultLine {
        public List<String> fields() {
            return List.of("END");
        }
    }

    /** The test runner itself failed and ends its JVM: out of memory, say (JUnit lets that through). */
    record Failed(String failure, boolean outOfMemory) implements ResultLine {
        public List<String> fields() {
            return List.of("FAILED", failure, String.valueOf(outOfMemory));
        }
    }

    /** Something called System.exit (written by a shutdown hook). */
    record Exit() implements ResultLine {
        public List<String> fields() {
            return List.of("EXIT");
        }
    }

    List<String> fields();

    /** The line's text, as the runner sends it. */
    default String text() {
        return fields().stream().map(ResultLine::escape).collect(Collectors.joining("\t"));
    }

    /** A line's text read back; an IllegalArgumentException if the runner could never have written it. */
    static ResultLine parse(String text) {
        String[] f = Arrays.stream(text.split("\t", -1)).map(ResultLine::unescape).toArray(String[]::new);
        try {
            return switch (f[0]) {
                case "PLAN" -> new Plan(key(f), Integer.parseInt(f[3]), f[4].equals("hidden"), f[5]);
                case "START" -> new Start(key(f), f[3]);
                case "DONE" -> new Done(key(f), Status.valueOf(f[3]), f[4], Long.parseLong(f[5]));
                case "BROKEN" -> new Broken(key(f), f[3]);
                case "TIMEOUT" -> new TimedOut(f[1]);
                case "RESTART" -> new Restart();
                case "END" -> new End();
                case "EXIT" -> new Exit();
                case "FAILED" -> new Failed(f[1], Boolean.parseBoolean(f[2]));
                default -> throw new IllegalArgumentException("no such line: " + f[0]);
            };
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("too few fields: " + text, e);
        }
    }

    private static TestKey key(String[] f) {
        return new TestKey(Integer.parseInt(f[1]), f[2]);
    }

    private static String run(TestKey test) {
        return String.valueOf(test.run());
    }


    static String escape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (char c : field.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
