// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Provided classes are copied into each lesson that uses them, so every lesson stands alone and
 * students read them in their own package. Some copies must stay the same, apart from the
 * package name: a fix made in one lesson must reach the others. This proof names those classes
 * and fails, pointing at the first line that differs, when a copy drifts.
 *
 * Other provided classes with the same name (ChatOptions, ChatMessages, Connection, Terminal,
 * ChatPrograms) differ on purpose: each lesson's version says and does what that lesson needs.
 */
class ProvidedCopiesProof {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LineReader", "RawClient"})
    void copiesInEveryLessonAreTheSame(String className) throws IOException {
        Map<String, List<String>> copies = new TreeMap<>();
        for (Lesson lesson : Lesson.all()) {
            Path file = lesson.starterSources().resolve(lesson.packageName().replace('.', '/')).resolve(className + ".java");
            if (Files.exists(file)) {
                // The package (also as a path, in a "how to run" comment) is the one difference a copy may have.
                String text = Files.readString(file).replace(lesson.packageName(), "chatkit.lessonN")
                        .replace(lesson.packageName().replace('.', '/'), "chatkit/lessonN");
                copies.put(lesson.root().relativize(file).toString().replace('\\', '/'), text.lines().toList());
            }
        }
        assertThat(copies).as("lessons with a copy of %s", className).hasSizeGreaterThan(1);

        String first = copies.keySet().iterator().next();
        List<String> drifts = new ArrayList<>();
        for (Map.Entry<String, List<String>> copy : copies.entrySet()) {
            String difference = firstDifference(copies.get(first), copy.getValue());
            if (difference != null) {
                drifts.add(copy.getKey() + " differs from " + first + " at " + difference);
            }
        }
        assertThat(drifts).as("%s is provided in several lessons and must read the same in each (change every copy"
                + " together; only the package name differs)", className).isEmpty();
    }

    /** "line N: ... / ..." for the first line that differs, or null when both are the same. */
    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "(end of file)";
            String right = i < b.size() ? b.get(i) : "(end of file)";
            if (!left.equals(right)) {
                return "line " + (i + 1) + ": \"" + right.strip() + "\" instead of \"" + left.strip() + "\"";
            }
        }
        return null;
    }
}
