// @kit:instructor-only
package chatkit.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles one student's lesson: the student's own main sources (the files with the TODOs, and
 * any classes they added) with the kit's provided files. Nothing else of the submission is used:
 * not its tests, pom.xml, .mvn/ or scripts, which could all run code. A provided file the student
 * changed is replaced by the kit's copy (and feedback says so), so the tests judge the student's
 * steps on the same ground for everyone.
 */
final class StudentBuild {

    private static final int MAX_SOURCE_BYTES = 1024 * 1024;
    private static final int MAX_FILES = 200;

    /**
     * The compiled classes, or the compiler's first lines; notes for the feedback either way; and
     * the sources as compiled (path under src/main/java -> text), to mix the reference into.
     */
    record Compiled(Path classes, String errors, List<String> notes, Map<String, String> sources) {
        boolean ok() {
            return errors == null;
        }
    }

    private StudentBuild() {
    }

    /**
     * @param studentSources the student's src/main/java for this lesson, or null if the
     *     submission has none (every student file is then the starter's)
     */
    static Compiled compile(LessonKit lesson, Path studentSources, Path work) throws IOException {
        List<String> notes = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>(); // path under src/main/java -> text
        Map<String, String> kitFiles = javaFiles(lesson.starterSources());
        for (Map.Entry<String, String> kitFile : kitFiles.entrySet()) {
            sources.put(kitFile.getKey(), kitFile.getValue());
        }
        Map<String, Path> theirs = new LinkedHashMap<>();
        if (studentSources != null) {
            try (Stream<Path> files = Files.walk(studentSources, 12)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)
                        && !Files.isSymbolicLink(f)).sorted().limit(MAX_FILES).collect(Collectors.toList())) {
                    theirs.put(studentSources.relativize(file).toString().replace('\\', '/'), file);
                }
            }
        }
        for (String name : lesson.studentFiles()) {
            String path = lesson.packagePath() + "/" + name;
            if (!theirs.containsKey(path)) {
                notes.add(name + " is not in your submission: it was graded as the starter file.");
            }
        }
        for (Map.Entry<String, Path> file : theirs.entrySet()) {
            String path = file.getKey();
            String name = path.substring(path.lastIndexOf('/') + 1);
            String text = readSource(file.getValue(), name, notes);
            boolean studentFile = path.equals(lesson.packagePath() + "/" + name) && lesson.studentFiles().contains(name);
            if (kitFiles.containsKey(path) && !studentFile) {
                if (!normalized(text).equals(normalized(kitFiles.get(path)))) {
                    notes.add("You changed " + name + ", which is provided code: it was graded with the kit's copy.");
                }
                continue;
            }
            sources.put(path, text);
        }
        return compile(sources, notes, work);
    }

    /** Compiles {@code sources} (path under src/main/java -> text) into WORK/classes. */
    static Compiled compile(Map<String, String> sources, List<String> notes, Path work) throws IOException {
        Path sourceDir = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        // Nothing but the JDK on the class path: student code compiles against the lesson, not the grader.
        Path nothing = Files.createDirectories(work.resolve("empty"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-encoding", "UTF-8",
                "-classpath", nothing.toString(), "-sourcepath", nothing.toString(),
                "--release", "17", "-proc:none", "-nowarn", "-Xlint:none", "-Xmaxerrs", "10", "-implicit:class"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = javac.run(null, output, output, arguments.toArray(new String[0]));
        if (exitCode == 0) {
            return new Compiled(classes, null, notes, sources);
        }
        String errors = output.toString(StandardCharsets.UTF_8)
                .replace(sourceDir.toString() + java.io.File.separator, "src/main/java/")
                .lines().filter(line -> !line.startsWith("Note:")).limit(20).collect(Collectors.joining("\n"));
        return new Compiled(null, errors, notes, sources);
    }

    /** path under the folder -> text, for every .java file in it. */
    private static Map<String, String> javaFiles(Path folder) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }

    /**
     * A student's source file as text. Editors on Windows may save Windows-1252 or put a byte-order
     * mark first: both are harmless differences, so both are accepted (and said in the notes).
     */
    static String readSource(Path file, String name, List<String> notes) throws IOException {
        byte[] bytes = Submissions.readAtMost(file, MAX_SOURCE_BYTES);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1252"));
            notes.add(name + " is not saved as UTF-8: it was read as Windows-1252. Save your files as UTF-8.");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String normalized(String text) {
        return text.replace("\r\n", "\n").strip();
    }
}
