// @kit:instructor-only tool
package chatkit.tools;

import chatkit.testkit.Steps;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Exports the student edition of the kit: this repository minus everything instructor-only
 * (solutions/, the CI script, docs/instructor-*), with the student README in place of ours.
 * It copies files, never history, and then checks that nothing instructor-only leaked and that
 * every student file still has its unfinished TODOs.
 *
 * It exports what is committed (git's HEAD), so a lesson solved in class, or a scratch file in
 * the working tree, never slips out; {@code --working-tree} exports the files as they are on
 * disk instead (what git tracks or would track), as the instructor build's own check does.
 *
 * <pre>
 *   solutions/export ../socket-chat-kit-student          (Windows: solutions\export.cmd ...)
 * </pre>
 *
 * It uses only the JDK and the kit's reader of step manifests ({@link Steps}, compiled into this
 * module's classes); solutions/export builds it first.
 */
public final class ExportStudentEdition {

    /** Written at the top of every instructor-only file; an exported file must never contain it. */
    public static final String INSTRUCTOR_MARKER = "@kit:instructor-only";

    /** The README students get, in place of the instructor's. */
    public static final String STUDENT_README = "solutions/student-edition/README.md";

    /** Where the exported files come from. */
    public enum Source {
        /** The files of git's HEAD commit: what is committed, nothing else. */
        COMMITTED,
        /** The files on disk that git tracks or would track (or every file, without git). */
        WORKING_TREE
    }

    private static final Pattern UNFINISHED_TODO = Pattern.compile("\"TODO \\d+ not done");

    /** The GitHub Classroom workflow's template (instructor side) and where the export installs it. */
    public static final String CLASSROOM_TEMPLATE = "solutions/classroom/classroom.yml";
    public static final String CLASSROOM_WORKFLOW = ".github/workflows/classroom.yml";
    private static final Pattern STEP_MANIFEST =
            Pattern.compile("(lesson-\\d\\d-[\\w-]+)/src/test/resources/lesson-\\d\\d-steps\\.properties");

    private ExportStudentEdition() {
    }

    public static void main(String[] args) {
        Path from = Paths.get(".");
        Path out = null;
        Source source = Source.COMMITTED;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--from") && i + 1 < args.length) {
                from = Paths.get(args[++i]);
            } else if (args[i].equals("--working-tree")) {
                source = Source.WORKING_TREE;
            } else if (args[i].startsWith("-")) {
                usage("Unknown option " + args[i]);
            } else if (out == null) {
                out = Paths.get(args[i]);
            } else {
                usage("Only one output folder, please.");
            }
        }
        if (out == null) {
            usage("Say where to put the student edition.");
        }
        try {
            List<String> files = export(from, out, source);
            System.out.println("Student edition: " + files.size() + " files in " + out.toAbsolutePath().normalize()
                    + (source == Source.COMMITTED ? " (what is committed; uncommitted changes are left out)"
                    : " (the working tree as it is)"));
            System.out.println("Checked: no solutions/, no instructor-only file, no reference or hidden test inside.");
            System.out.println("Next: cd " + out + " && ./mvnw test   (every lesson fails its steps until students do them)");
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("Export failed: " + e.getMessage());
            System.exit(1);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Export failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: solutions/export [--working-tree] OUT_DIR    (OUT_DIR must be empty or new, outside the kit)");
        System.exit(2);
    }

    /**
     * Copies the student edition of the kit at {@code from} into {@code out} and checks it.
     *
     * @return the exported files, as paths relative to {@code out}, with '/' separators
     * @throws IllegalArgumentException if {@code out} is not empty or lies inside the kit
     * @throws IllegalStateException if the check finds something instructor-only in the export
     */
    public static List<String> export(Path from, Path out, Source source) throws IOException {
        Path root = from.toRealPath();
        if (!Files.isRegularFile(root.resolve(STUDENT_README))) {
            throw new IllegalArgumentException(root + " is not the instructor's kit: " + STUDENT_README + " is missing");
        }
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(root)) {
            throw new IllegalArgumentException("choose a folder outside the kit, not " + target);
        }
        if (Files.exists(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(target + " is not empty");
                }
            }
        }
        Map<String, KitFile> files = source == Source.COMMITTED ? committedFiles(root) : workingTreeFiles(root);
        if (!files.containsKey(STUDENT_README)) {
            throw new IllegalStateException(STUDENT_README + " is not committed yet: commit it, or use --working-tree");
        }
        List<String> exported = new ArrayList<>();
        for (Map.Entry<String, KitFile> entry : files.entrySet()) {
            String file = entry.getKey();
            if (isStudentFile(file)) {
                KitFile content = file.equals("README.md") ? files.get(STUDENT_README) : entry.getValue();
                Path destination = target.resolve(file);
                Files.createDirectories(destination.getParent());
                Files.write(destination, content.bytes());
                if (entry.getValue().executable()) {
                    destination.toFile().setExecutable(true, false);
                }
                exported.add(file);
            }
        }
        KitFile template = files.get(CLASSROOM_TEMPLATE);
        if (template != null) {
            Path workflow = target.resolve(CLASSROOM_WORKFLOW);
            Files.createDirectories(workflow.getParent());
            Files.writeString(workflow, classroomWorkflow(new String(template.bytes(), StandardCharsets.UTF_8),
                    stepManifests(files)), StandardCharsets.UTF_8);
            exported.add(CLASSROOM_WORKFLOW);
        }
        List<String> leaks = findLeaks(root, target);
        leaks.addAll(findSolvedStudentFiles(root, target));
        if (!leaks.isEmpty()) {
            throw new IllegalStateException("instructor-only material would leak into the student edition:\n  "
                    + String.join("\n  ", leaks));
        }
        return exported;
    }

    /** lesson folder -> its steps, for every lesson in the export. */
    private static Map<String, Steps> stepManifests(Map<String, KitFile> files) throws IOException {
        Map<String, Steps> manifests = new TreeMap<>();
        for (Map.Entry<String, KitFile> file : files.entrySet()) {
            Matcher matcher = STEP_MANIFEST.matcher(file.getKey());
            if (matcher.matches()) {
                manifests.put(matcher.group(1), Steps.read(file.getKey(),
                        new java.io.StringReader(new String(file.getValue().bytes(), StandardCharsets.UTF_8))));
            }
        }
        return manifests;
    }

    /**
     * The GitHub Classroom workflow: one autograding step per lesson step, running that step's
     * visible tests ({@code -Dgroups=step-N}) and worth the step's visible points.
     */
    public static String classroomWorkflow(String template, Map<String, Steps> lessons) {
        StringBuilder steps = new StringBuilder();
        StringBuilder env = new StringBuilder();
        List<String> runners = new ArrayList<>();
        for (Map.Entry<String, Steps> lesson : lessons.entrySet()) {
            String folder = lesson.getKey();
            int number = Integer.parseInt(folder.substring("lesson-".length(), "lesson-".length() + 2));
            for (Steps.Step step : lesson.getValue().all()) {
                int n = step.number();
                String id = "lesson-" + number + "-step-" + n;
                String name = quoted("Lesson " + number + ", step " + n + ": " + step.title());
                steps.append("      - name: ").append(name).append('\n')
                        .append("        id: ").append(id).append('\n')
                        .append("        uses: classroom-resources/autograding-command-grader@v1\n")
                        .append("        with:\n")
                        .append("          test-name: ").append(name).append('\n')
                        .append("          command: ./mvnw -B -q -o test -f ").append(folder)
                        .append("/pom.xml -Dgroups=step-").append(n).append('\n')
                        .append("          timeout: 5\n")
                        .append("          max-score: ").append(points(step.visiblePoints())).append('\n');
                env.append("          ").append(id.toUpperCase()).append("_RESULTS: \"${{ steps.").append(id)
                        .append(".outputs.result }}\"\n");
                runners.add(id);
            }
        }
        return template.replace("#STEPS#\n", steps.toString()).replace("#ENV#\n", env.toString())
                .replace("#RUNNERS#", String.join(",", runners));
    }

    /** "6" for 6 points, "2.5" for 2.5: as the manifest would write them. */
    private static String points(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * True for the files students get: everything but instructor-only folders and build output,
     * and .mvn/maven.config (the instructor build's "-T2": it builds modules side by side, and a
     * student's lesson is one module).
     */
    public static boolean isStudentFile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return !(file.startsWith("solutions/")
                || file.equals(".mvn/maven.config")
                || file.startsWith(".ci/")
                || file.startsWith(".github/")
                || file.startsWith(".git/")
                || (file.startsWith("docs/") && name.startsWith("instructor"))
                || file.contains("/target/") || file.startsWith("target/"));
    }

    /**
     * What in {@code exported} must not be there: instructor-only paths, files marked
     * {@link #INSTRUCTOR_MARKER}, copies of files under solutions/, and mentions of hidden tests.
     */
    public static List<String> findLeaks(Path root, Path exported) throws IOException {
        Set<String> solutionHashes = new HashSet<>();
        Set<String> hiddenTestNames = new TreeSet<>();
        Path solutions = root.resolve("solutions");
        for (Path file : regularFiles(solutions)) {
            if (file.toString().contains("/target/") || file.equals(root.resolve(STUDENT_README))) {
                continue;
            }
            String name = file.getFileName().toString();
            if (name.endsWith("HiddenTest.java")) {
                hiddenTestNames.add(name.substring(0, name.length() - ".java".length()));
            }
            if (file.startsWith(solutions.resolve("samples"))) {
                continue; // the sample class's patches quote starter and reference lines, as hand-ins do
            }
            solutionHashes.add(hash(file));
        }
        List<String> leaks = new ArrayList<>();
        for (Path file : regularFiles(exported)) {
            String relative = exported.relativize(file).toString().replace('\\', '/');
            if (!isStudentFile(relative) && !relative.equals(CLASSROOM_WORKFLOW)) { // the one file the export writes
                leaks.add(relative + ": an instructor-only path");
                continue;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.contains(INSTRUCTOR_MARKER)) {
                leaks.add(relative + ": marked " + INSTRUCTOR_MARKER);
            }
            if (solutionHashes.contains(hash(file))) {
                leaks.add(relative + ": a copy of a file under solutions/");
            }
            for (String hidden : hiddenTestNames) {
                if (text.contains(hidden)) {
                    leaks.add(relative + ": names the hidden test " + hidden);
                }
            }
        }
        return leaks;
    }

    /** One file to export: its bytes, and whether it is a program to run (mvnw, say). */
    private record KitFile(byte[] bytes, boolean executable) {
    }

    /**
     * Every student file of every lesson (each file of the lesson's reference.dir) must still hold
     * an unfinished TODO in the export: otherwise a solved file is about to go out.
     */
    public static List<String> findSolvedStudentFiles(Path root, Path exported) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path manifest : regularFiles(root.resolve("solutions"))) {
            if (!manifest.getFileName().toString().equals("lesson.properties") || manifest.toString().contains("/target/")) {
                continue;
            }
            Properties lesson = new Properties();
            try (InputStream in = Files.newInputStream(manifest)) {
                lesson.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            String folder = lesson.getProperty("lesson.folder", "").trim();
            String packagePath = lesson.getProperty("lesson.package", "").trim().replace('.', '/');
            // The student files are the reference's files (lesson.properties says why).
            List<String> studentFiles = new ArrayList<>();
            try (Stream<Path> reference = Files.list(root.resolve(lesson.getProperty("reference.dir", "").trim())
                    .resolve(packagePath))) {
                reference.map(file -> file.getFileName().toString()).sorted().forEach(studentFiles::add);
            }
            for (String name : studentFiles) {
                String relative = folder + "/src/main/java/" + packagePath + "/" + name.trim();
                Path file = exported.resolve(relative);
                if (!Files.isRegularFile(file)) {
                    problems.add(relative + ": a student file is missing from the export");
                } else if (!UNFINISHED_TODO.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                    problems.add(relative + ": no unfinished TODO left - it looks solved; export the starter");
                }
            }
        }
        return problems;
    }

    /** The files of git's HEAD commit, with their content from that commit. */
    private static Map<String, KitFile> committedFiles(Path root) throws IOException {
        String listing = new String(git(root, "ls-tree", "-r", "-z", "HEAD"), StandardCharsets.UTF_8);
        Map<String, KitFile> files = new TreeMap<>();
        for (String entry : listing.split("\0")) {
            if (entry.isEmpty()) {
                continue;
            }
            // "<mode> blob <sha>\t<path>"; only plain files (100644) and programs (100755)
            String[] meta = entry.substring(0, entry.indexOf('\t')).split(" ");
            String path = entry.substring(entry.indexOf('\t') + 1);
            if (meta[1].equals("blob") && (meta[0].equals("100644") || meta[0].equals("100755"))) {
                // --filters: line ends as a checkout makes them (.gitattributes), so mvnw.cmd keeps CRLF.
                files.put(path, new KitFile(git(root, "cat-file", "--filters", "HEAD:" + path), meta[0].equals("100755")));
            }
        }
        return files;
    }

    /** The files on disk that git tracks or would track (not ignored), or every file if git is absent. */
    private static Map<String, KitFile> workingTreeFiles(Path root) throws IOException {
        Map<String, KitFile> files = new TreeMap<>();
        for (String file : filesOf(root)) {
            Path path = root.resolve(file);
            files.put(file, new KitFile(Files.readAllBytes(path), Files.isExecutable(path)));
        }
        return files;
    }

    private static byte[] git(Path root, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output;
        try (InputStream in = git.getInputStream()) {
            output = in.readAllBytes();
        }
        try {
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", arguments) + " failed in " + root
                        + ": is this a git checkout with a commit? (or export with --working-tree)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
        return output;
    }

    /** The kit's files: what git tracks or would track (not ignored), or every file if git is absent. */
    private static List<String> filesOf(Path root) throws IOException {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z", "--cached", "--others",
                    "--exclude-standard").redirectErrorStream(false).start();
            byte[] listing;
            try (InputStream in = git.getInputStream()) {
                listing = in.readAllBytes();
            }
            if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
                List<String> files = new ArrayList<>();
                for (String file : new String(listing, StandardCharsets.UTF_8).split("\0")) {
                    if (!file.isEmpty() && Files.isRegularFile(root.resolve(file))) {
                        files.add(file);
                    }
                }
                return files;
            }
        } catch (IOException e) {
            // no git on this computer: list the folder instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking git for the file list", e);
        }
        List<String> files = new ArrayList<>();
        for (Path file : regularFiles(root)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (!relative.startsWith(".git/") && !relative.contains("/target/") && !relative.startsWith("target/")
                    && !relative.startsWith(".idea/")) {
                files.add(relative);
            }
        }
        return files;
    }

    private static List<Path> regularFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static String hash(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
