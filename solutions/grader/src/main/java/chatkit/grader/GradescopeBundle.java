// @kit:instructor-only
package chatkit.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a Gradescope autograder bundle from this grader:
 * {@code solutions/gradescope-bundle OUT.zip [--lesson N] [--seed S]}.
 *
 * The zip holds setup.sh (installs Java 17, adds a user "student"), run_autograder (grades
 * /autograder/submission as that user, with this kit's tests, and writes
 * /autograder/results/results.json), and kit/: the compiled visible and hidden tests, the provided
 * sources, the manifests, the lesson-2 reference (for the cross checks), the grader and its jars.
 * One seed is fixed in the bundle, so every student of the assignment gets the same hidden inputs.
 */
public final class GradescopeBundle {

    private GradescopeBundle() {
    }

    public static void main(String[] args) throws Exception {
        Path out = null;
        Optional<Integer> lesson = Optional.empty();
        long seed = new SecureRandom().nextInt(1_000_000_000);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lesson" -> lesson = Optional.of(Integer.parseInt(args[++i]));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> out = Paths.get(args[i]);
            }
        }
        if (out == null || !out.toString().endsWith(".zip")) {
            System.err.println("Usage: solutions/gradescope-bundle OUT.zip [--lesson N] [--seed S]");
            System.exit(2);
        }
        Path kit = Paths.get(System.getProperty("kit.root", ".")).toAbsolutePath().normalize();
        int files = build(kit, out, lesson, seed);
        System.out.println("Gradescope bundle: " + out.toAbsolutePath() + " (" + files + " files, lesson "
                + lesson.map(String::valueOf).orElse("all") + ", seed " + seed + ")");
        System.out.println("Upload it as the assignment's autograder (Ubuntu 22.04 base image).");
    }

    /** Writes the bundle; returns how many files it holds. */
    static int build(Path kit, Path zip, Optional<Integer> lesson, long seed) throws IOException, Grade.KitNotReady {
        List<LessonKit> lessons = LessonKit.all(kit).stream()
                .filter(l -> lesson.isEmpty() || l.number() == lesson.get()).collect(Collectors.toList());
        List<String> folders = new ArrayList<>();
        for (LessonKit l : lessons) {
            folders.add(l.folder() + "/src/main/java");
            folders.add(l.folder() + "/src/test/resources");
            folders.add(l.folder() + "/target/test-classes");
            folders.add(l.folder() + "/src/test/jvm.args");
        }
        folders.add("solutions/hidden-tests/target/test-classes");
        folders.add("solutions/lesson-02-threads/target/classes");
        folders.add("solutions/grader/target/classes");
        List<String> jars = Grade.runnerClassPath(kit).stream().filter(entry -> entry.endsWith(".jar"))
                .collect(Collectors.toList());
        int count = 0;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            count += text(out, "setup.sh", SETUP);
            count += text(out, "run_autograder", RUN.replace("@SEED@", String.valueOf(seed))
                    .replace("@LESSON@", lesson.map(n -> "--lesson " + n).orElse("")));
            for (LessonKit l : lessons) {
                // The bundle carries no reference, so its manifest names the student files itself.
                String manifest = Files.readString(kit.resolve("solutions/" + l.folder() + "/lesson.properties"))
                        + "# Written by gradescope-bundle (the bundle has no reference.dir to find them in):\n"
                        + LessonKit.STUDENT_FILES + " = " + String.join(", ", l.studentFiles()) + "\n";
                count += text(out, "kit/solutions/" + l.folder() + "/lesson.properties", manifest);
            }
            for (String folder : folders) {
                Path path = kit.resolve(folder);
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                        count += copy(out, "kit/" + kit.relativize(file).toString().replace('\\', '/'), file);
                    }
                }
            }
            for (String jar : jars) {
                Path file = Paths.get(jar);
                count += copy(out, "kit/lib/" + file.getFileName(), file);
            }
        }
        return count;
    }

    private static int text(ZipOutputStream out, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        out.putNextEntry(entry);
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
        return 1;
    }

    private static int copy(ZipOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        try (OutputStream entry = new NonClosing(out)) {
            Files.copy(file, entry);
        }
        out.closeEntry();
        return 1;
    }

    /** Lets Files.copy write into the zip without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    static final String SETUP = String.join("\n",
            "#!/usr/bin/env bash",
            "# Gradescope runs this once, as root, when it builds the autograder image.",
            "set -euo pipefail",
            "apt-get update",
            "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless"
                    + " bubblewrap",
            "chmod +x /autograder/source/run_autograder 2>/dev/null || true",
            "# Student code runs as this user, never as root.",
            "id student >/dev/null 2>&1 || useradd --create-home --shell /bin/bash student",
            "");

    static final String RUN = String.join("\n",
            "#!/usr/bin/env bash",
            "# Gradescope runs this for each submission: grades /autograder/submission with the kit's",
            "# visible and hidden tests and writes /autograder/results/results.json.",
            "# (AUTOGRADER_ROOT lets you try it elsewhere: AUTOGRADER_ROOT=/tmp/ag bash run_autograder)",
            "set -euo pipefail",
            "root=\"${AUTOGRADER_ROOT:-/autograder}\"",
            "kit=\"$root/source/kit\"",
            "[ -d \"$kit\" ] || kit=\"$(cd \"$(dirname \"$0\")\" && pwd)/kit\"",
            "mkdir -p \"$root/results\"",
            "# Whatever happens, Gradescope gets a results.json: a grader failure says so instead of nothing.",
            "trap '[ -s \"$root/results/results.json\" ] || echo \"{\\\"score\\\": 0, \\\"output\\\": \\\"The autograder"
                    + " could not grade this submission. Please tell your teacher.\\\"}\" > \"$root/results/results.json\"' EXIT",
            "# The test JVMs find the test libraries through this list.",
            "mkdir -p \"$kit/solutions/grader/target\"",
            "ls \"$kit\"/lib/*.jar | tr '\\n' ':' > \"$kit/solutions/grader/target/grader-classpath.txt\"",
            "work=\"$(mktemp -d)\"",
            "mkdir -p \"$work/class\"",
            "cp -r \"$root/submission\" \"$work/class/student\"",
            "# The grader runs as root; the tests, with the student's code, as the user student.",
            "run_as=()",
            "if [ \"$(id -u)\" = 0 ] && id student >/dev/null 2>&1; then run_as=(--run-as student); fi",
            "# Each submission's tests run in a bubblewrap sandbox, where the container lets bwrap make one;",
            "# where not, without (Gradescope's container holds this one submission only; see the guide).",
            "sandbox=()",
            "bwrap --ro-bind / / --unshare-all --unshare-user --disable-userns true 2>/dev/null || sandbox=(--no-sandbox)",
            "java -Dkit.root=\"$kit\" -cp \"$kit/solutions/grader/target/classes\" \\",
            "  chatkit.grader.Grade \"$work/class\" \"$work/out\" --seed @SEED@ --jobs 1 @LESSON@ \"${run_as[@]}\" \\",
            "  \"${sandbox[@]}\"",
            "cp \"$work/out/results/student/results.json\" \"$root/results/results.json\"",
            "");
}
