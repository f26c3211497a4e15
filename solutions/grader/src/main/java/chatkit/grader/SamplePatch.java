// @kit:instructor-only
package chatkit.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-in written down as "the reference plus one change": the sample class
 * (solutions/samples/NAME.patch) is stored this way, so a sample never goes stale silently when
 * the reference changes. The grader turns such a file back into a plain hand-in folder before it
 * grades it; a patch that no longer applies is reported with the file and line that differ.
 *
 * The file is a unified diff (as {@code git diff} writes it) after a few header lines:
 * <pre>
 *   What: send() never flushes.              (free text for the reader)
 *   Base: reference                          (or "starter": the untouched student files)
 *   Lessons: lesson-01-console               (optional: the lessons the diff touches)
 *
 *   --- a/lesson-01-console/src/main/java/chatkit/lesson1/LineConnection.java
 *   +++ b/lesson-01-console/src/main/java/chatkit/lesson1/LineConnection.java
 *   @@ -40,7 +40,6 @@
 * </pre>
 * Paths that start with a lesson folder make a hand-in shaped like the student edition; paths
 * that start with {@code src/} make one shaped like a single lesson (then "Lessons:" names it).
 * {@code /dev/null} on the "---" line adds a file, on the "+++" line removes one. The base files
 * come without the reference's first line (the instructor-only marker), as a student has them.
 * Hunks must match exactly (no fuzz): a sample means exactly what it says or fails loudly.
 */
final class SamplePatch {

    private static final String INSTRUCTOR_MARKER = "@kit:instructor-only";
    private static final Pattern GIT_METADATA =
            Pattern.compile("^(diff |index |new file mode|deleted file mode|similarity |rename |old mode|new mode)");
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** Raised when a sample no longer fits the kit: the message says which file and line. */
    static final class DoesNotApply extends Exception {
        DoesNotApply(String message) {
            super(message);
        }
    }

    private SamplePatch() {
    }

    /** Writes the hand-in that {@code patch} describes into {@code target} (a new folder). */
    static void materialise(Path kit, List<LessonKit> lessons, Path patch, Path target)
            throws IOException, DoesNotApply {
        String name = patch.getFileName().toString();
        List<String> lines = Files.readAllLines(patch, StandardCharsets.UTF_8);
        Map<String, String> header = new LinkedHashMap<>();
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("--- ")) {
            String line = lines.get(first++);
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ")) {
                header.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
        }
        Map<String, List<String>> fileDiffs = splitByFile(name, lines.subList(first, lines.size()));
        boolean oneLesson = fileDiffs.keySet().stream().anyMatch(path -> path.startsWith("src/"));

        Set<String> lessonFolders = new LinkedHashSet<>();
        for (String listed : header.getOrDefault("lessons", "").split(",")) {
            if (!listed.isBlank()) {
                lessonFolders.add(listed.trim());
            }
        }
        fileDiffs.keySet().stream().filter(path -> path.startsWith("lesson-"))
                .forEach(path -> lessonFolders.add(path.substring(0, path.indexOf('/'))));
        if (lessonFolders.isEmpty() || (oneLesson && lessonFolders.size() != 1)) {
            throw new DoesNotApply(name + ": say which lesson it is with a \"Lessons:\" line");
        }
        String base = header.getOrDefault("base", "reference");
        if (!base.equals("reference") && !base.equals("starter")) {
            throw new DoesNotApply(name + ": \"Base:\" is reference or starter, not " + base);
        }

        // The base: the student files of each lesson, as the reference or the starter has them.
        for (String folder : lessonFolders) {
            LessonKit lesson = lessons.stream().filter(l -> l.folder().equals(folder)).findFirst()
                    .orElseThrow(() -> new DoesNotApply(name + ": no lesson " + folder + " in the kit"));
            Path from = base.equals("reference") ? lesson.referenceSources() : lesson.starterSources();
            Path to = (oneLesson ? target : target.resolve(folder)).resolve("src/main/java");
            for (String file : lesson.studentFiles()) {
                List<String> text = Files.readAllLines(from.resolve(lesson.packagePath()).resolve(file), StandardCharsets.UTF_8);
                if (!text.isEmpty() && text.get(0).contains(INSTRUCTOR_MARKER)) {
                    text = text.subList(1, text.size()); // a student's file has no instructor-only header
                }
                Path copy = to.resolve(lesson.packagePath()).resolve(file);
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, String.join("\n", text) + "\n", StandardCharsets.UTF_8);
            }
        }

        // The change.
        for (Map.Entry<String, List<String>> fileDiff : fileDiffs.entrySet()) {
            Path file = target.resolve(fileDiff.getKey());
            if (!file.normalize().startsWith(target)) {
                throw new DoesNotApply(name + ": " + fileDiff.getKey() + " lies outside the hand-in");
            }
            boolean added = pathOf(fileDiff.getValue().get(0)).equals("/dev/null");
            boolean removed = pathOf(fileDiff.getValue().get(1)).equals("/dev/null");
            List<String> text = added ? new ArrayList<>() : Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> patched = applyHunks(name + ", " + fileDiff.getKey(), text, fileDiff.getValue());
            if (removed) {
                Files.delete(file);
            } else {
                Files.createDirectories(file.getParent());
                Files.writeString(file, String.join("\n", patched) + "\n", StandardCharsets.UTF_8);
            }
        }
    }

    /** path -> its "---", "+++" and hunk lines; the path is the one after "a/" or "b/". */
    private static Map<String, List<String>> splitByFile(String name, List<String> diff) throws DoesNotApply {
        Map<String, List<String>> files = new LinkedHashMap<>();
        List<String> current = null;
        for (int i = 0; i < diff.size(); i++) {
            String line = diff.get(i);
            if (GIT_METADATA.matcher(line).find()) {
                continue; // "diff --git ...", "index ...": git writes them, the hunks say it all
            }
            if (line.startsWith("--- ") && i + 1 < diff.size() && diff.get(i + 1).startsWith("+++ ")) {
                String from = pathOf(line);
                String to = pathOf(diff.get(i + 1));
                String path = (to.equals("/dev/null") ? from : to).replaceFirst("^[ab]/", "");
                current = new ArrayList<>();
                files.put(path, current);
            } else if (current == null && !line.isBlank()) {
                throw new DoesNotApply(name + ": line " + (i + 1) + " is outside any file's diff: " + line);
            }
            if (current != null) {
                current.add(line);
            }
        }
        return files;
    }

    /** The path of a "---" or "+++" line, without the timestamp that diff -u writes after a tab. */
    private static String pathOf(String line) {
        String path = line.substring(4);
        int tab = path.indexOf('\t');
        return (tab >= 0 ? path.substring(0, tab) : path).trim();
    }

    /** Applies one file's hunks to {@code text}, exactly; {@code where} names the file for messages. */
    static List<String> applyHunks(String where, List<String> text, List<String> fileDiff) throws DoesNotApply {
        List<String> result = new ArrayList<>();
        int next = 0; // the first line of text not yet copied (0-based)
        for (int i = 2; i < fileDiff.size(); i++) {
            Matcher hunk = HUNK.matcher(fileDiff.get(i));
            if (!hunk.find()) {
                if (fileDiff.get(i).startsWith("\\")) {
                    continue; // "\ No newline at end of file"
                }
                throw new DoesNotApply(where + ": expected a hunk (@@ ... @@), found: " + fileDiff.get(i));
            }
            int start = Math.max(0, Integer.parseInt(hunk.group(1)) - 1);
            if (hunk.group(2) != null && hunk.group(2).equals("0")) {
                start = Integer.parseInt(hunk.group(1)); // an insertion after line N
            }
            if (start < next || start > text.size()) {
                throw new DoesNotApply(where + ": the hunk at line " + (start + 1) + " is out of order or past the end");
            }
            result.addAll(text.subList(next, start));
            int at = start;
            for (i = i + 1; i < fileDiff.size() && !fileDiff.get(i).startsWith("@@"); i++) {
                String line = fileDiff.get(i);
                if (line.startsWith("\\")) {
                    continue;
                }
                char kind = line.isEmpty() ? ' ' : line.charAt(0);
                String content = line.isEmpty() ? "" : line.substring(1);
                if (kind == '+') {
                    result.add(content);
                    continue;
                }
                if (at >= text.size() || !text.get(at).equals(content)) {
                    throw new DoesNotApply(where + ": line " + (at + 1) + " no longer reads \"" + content.strip()
                            + "\" (it reads \"" + (at < text.size() ? text.get(at).strip() : "(end of file)")
                            + "\"): the reference changed there; write the sample's change again");
                }
                if (kind == ' ') {
                    result.add(content);
                } else if (kind != '-') {
                    throw new DoesNotApply(where + ": a hunk line starts with '" + kind + "'");
                }
                at++;
            }
            i--; // the loop's i++ lands on the next "@@"
            next = at;
        }
        result.addAll(text.subList(next, text.size()));
        return result;
    }
}
