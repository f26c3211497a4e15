// @kit:instructor-only tool
package chatkit.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Exports the student edition of the kit: this repository minus everything instructor-only
 * (solutions/, the CI script, docs/instructor-*), with the student README in place of ours.
 * It copies files, never history, and then checks that nothing instructor-only leaked.
 *
 * <pre>
 *   solutions/export ../socket-chat-kit-student          (Windows: solutions\export.cmd ...)
 *   java solutions/tools/src/main/java/chatkit/tools/ExportStudentEdition.java --from . OUT
 * </pre>
 *
 * It uses only the JDK, so it runs straight from its source file, without a build.
 */
public final class ExportStudentEdition {

    /** Written at the top of every instructor-only file; an exported file must never contain it. */
    public static final String INSTRUCTOR_MARKER = "@kit:instructor-only";

    /** The README students get, in place of the instructor's. */
    public static final String STUDENT_README = "solutions/student-edition/README.md";

    private ExportStudentEdition() {
    }

    public static void main(String[] args) {
        Path from = Paths.get(".");
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--from") && i + 1 < args.length) {
                from = Paths.get(args[++i]);
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
            List<String> files = export(from, out);
            System.out.println("Student edition: " + files.size() + " files in " + out.toAbsolutePath().normalize());
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
        System.err.println("Usage: solutions/export OUT_DIR    (OUT_DIR must be empty or new, outside the kit)");
        System.exit(2);
    }

    /**
     * Copies the student edition of the kit at {@code from} into {@code out} and checks it.
     *
     * @return the exported files, as paths relative to {@code out}, with '/' separators
     * @throws IllegalArgumentException if {@code out} is not empty or lies inside the kit
     * @throws IllegalStateException if the check finds something instructor-only in the export
     */
    public static List<String> export(Path from, Path out) throws IOException {
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
        List<String> exported = new ArrayList<>();
        for (String file : filesOf(root)) {
            if (isStudentFile(file)) {
                Path source = file.equals("README.md") ? root.resolve(STUDENT_README) : root.resolve(file);
                Path destination = target.resolve(file);
                Files.createDirectories(destination.getParent());
                Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                if (Files.isExecutable(root.resolve(file))) {
                    destination.toFile().setExecutable(true, false);
                }
                exported.add(file);
            }
        }
        List<String> leaks = findLeaks(root, target);
        if (!leaks.isEmpty()) {
            throw new IllegalStateException("instructor-only material would leak into the student edition:\n  "
                    + String.join("\n  ", leaks));
        }
        return exported;
    }

    /** True for the files students get: everything but instructor-only folders and build output. */
    public static boolean isStudentFile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return !(file.startsWith("solutions/")
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
            solutionHashes.add(hash(file));
            String name = file.getFileName().toString();
            if (name.endsWith("HiddenTest.java")) {
                hiddenTestNames.add(name.substring(0, name.length() - ".java".length()));
            }
        }
        List<String> leaks = new ArrayList<>();
        for (Path file : regularFiles(exported)) {
            String relative = exported.relativize(file).toString().replace('\\', '/');
            if (!isStudentFile(relative)) {
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
