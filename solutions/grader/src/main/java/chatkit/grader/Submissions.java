// @kit:instructor-only
package chatkit.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The class's submissions: one folder or zip per student in SUBMISSIONS, each a copy of the
 * student edition or of one lesson (a GitHub Classroom clone, an upload). Zips are unpacked into
 * the grader's temp folder, never next to them; nothing in SUBMISSIONS is ever written.
 * A NAME.patch is a hand-in written as the reference plus a change (the sample class is stored
 * so, see {@link SamplePatch}); it is written out as a folder in the temp folder too.
 */
final class Submissions {

    /** Folders never searched for a lesson: build output, version control, archive debris. */
    private static final Set<String> SKIPPED = Set.of("target", ".git", ".idea", ".vscode", "node_modules",
            "__MACOSX", "build", "out", "bin", ".mvn", ".github");
    private static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;
    private static final int MAX_ENTRIES = 20_000;

    /** One student's submission, unpacked: its name (from the folder or zip name) and its files. */
    record Submission(String student, Path files, String problem) {
    }

    private Submissions() {
    }

    /** Every submission in {@code folder}, sorted by student; zips and patches unpacked under {@code temp}. */
    static List<Submission> find(Path folder, Path temp, Path kit, List<LessonKit> lessons) throws IOException {
        List<Submission> submissions = new ArrayList<>();
        Set<String> taken = new java.util.HashSet<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().collect(Collectors.toList());
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (isClutter(name)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                submissions.add(new Submission(unique(studentName(name), taken), entry, null));
            } else if (name.toLowerCase().endsWith(".zip")) {
                String student = unique(studentName(name.substring(0, name.length() - 4)), taken);
                Path target = temp.resolve("unzipped").resolve(student);
                String problem = unzip(entry, target);
                submissions.add(new Submission(student, target, problem));
            } else if (name.endsWith(".patch")) {
                String student = unique(studentName(name.substring(0, name.length() - ".patch".length())), taken);
                Path target = temp.resolve("patched").resolve(student);
                try {
                    SamplePatch.materialise(kit, lessons, entry, target);
                    submissions.add(new Submission(student, target, null));
                } catch (SamplePatch.DoesNotApply e) {
                    submissions.add(new Submission(student, target, "this sample no longer applies: " + e.getMessage()));
                }
            }
        }
        return submissions;
    }

    /** The name, or name-2, name-3...: two students never share a name, even where case does not count. */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate.toLowerCase()); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    /**
     * What a folder of hand-ins holds that is nobody's: version control, an editor's or a
     * system's files (".git", ".DS_Store", macOS's "._name" and "__MACOSX"). Any other name, one
     * that starts with a dot included, is a student's.
     */
    static boolean isClutter(String name) {
        return name.startsWith("._") || java.util.Set.of(".git", ".svn", ".hg", ".idea", ".vscode", ".DS_Store",
                "__MACOSX", "Thumbs.db", "desktop.ini").contains(name);
    }

    /**
     * A name safe to use in file names and CSV cells: letters and digits of any script are kept
     * (Zoë, 李雷, Ольга), anything else becomes "_", and no name starts with a dot (a hidden
     * file) or with what a spreadsheet reads as a formula (= + - @).
     */
    static String studentName(String name) {
        String safe = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}._@-]", "_").replaceFirst("^[.=+@-]+", "");
        return safe.isEmpty() ? "student" : safe;
    }

    /** Unpacks a zip safely: no entry outside target, bounded size; returns a problem in words, or null. */
    static String unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        long total = 0;
        int count = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            byte[] buffer = new byte[8192];
            while ((entry = in.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    return "the zip has more than " + MAX_ENTRIES + " files: only the first ones were read";
                }
                Path file;
                try {
                    // Zips made on Windows may separate folders with '\\'.
                    file = target.resolve(entry.getName().replace('\\', '/')).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    continue; // a name this system cannot have: not a Java source of the lesson anyway
                }
                if (!file.startsWith(target)) {
                    continue; // "../" tricks: never write outside the student's folder
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > MAX_UNPACKED_BYTES) {
                            return "the zip unpacks to more than 50 MB: only the first files were read";
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            return "the zip could not be read (" + e.getMessage() + ")";
        }
        return null;
    }

    /**
     * The student's {@code src/main/java} folder for a lesson: the shallowest folder holding the
     * lesson's package (lesson-02-threads/src/main/java/chatkit/lesson2 in a whole student edition,
     * src/main/java/chatkit/lesson2 in a single lesson).
     */
    static Optional<Path> lessonSources(Path files, LessonKit lesson) throws IOException {
        List<Path> found = new ArrayList<>();
        String packagePath = lesson.packagePath();
        Files.walkFileTree(files, Set.of(), 8, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(files) && SKIPPED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (dir.endsWith(Path.of("src", "main", "java")) && Files.isDirectory(dir.resolve(packagePath))) {
                    found.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found.stream().min(Comparator.comparingInt(Path::getNameCount));
    }

    /**
     * For a submission of loose files (the .java files uploaded alone, as Gradescope allows): the
     * folder holding the lesson's student files, copied to {@code target}/src/main/java/PACKAGE.
     * Empty when the submission has no file of the lesson.
     */
    static Optional<Path> looseLessonFiles(Path files, LessonKit lesson, Path target) throws IOException {
        String packageLine = "package " + lesson.packageName() + ";";
        Optional<Path> folder;
        try (Stream<Path> walk = Files.walk(files, 6)) {
            folder = walk.filter(f -> lesson.studentFiles().contains(f.getFileName().toString()))
                    .filter(f -> f.getNameCount() > 0 && Files.isRegularFile(f) && !skipped(files.relativize(f)))
                    .filter(f -> contains(f, packageLine)).map(Path::getParent)
                    .min(Comparator.comparingInt(Path::getNameCount));
        }
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path sources = target.resolve("src/main/java");
        Path packageDir = Files.createDirectories(sources.resolve(lesson.packagePath()));
        try (Stream<Path> list = Files.list(folder.get())) {
            for (Path file : list.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)
                    && contains(f, packageLine)).collect(Collectors.toList())) {
                Files.copy(file, packageDir.resolve(file.getFileName()));
            }
        }
        return Optional.of(sources);
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(readAtMost(file, 1 << 20), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads at most {@code limit} bytes: a student's file is never read whole if it is huge. */
    static byte[] readAtMost(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        }
    }
}
