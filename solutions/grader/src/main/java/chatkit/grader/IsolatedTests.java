// @kit:instructor-only
package chatkit.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a lesson's step tests against one student's compiled classes, in a JVM of its own, and
 * collects the results as the JVM writes them. If the JVM ends before its last test (System.exit
 * in student code, a crash) or stops making progress (a hang JUnit's time limit could not break),
 * the test it was running is reported in words, and a fresh JVM goes on with the tests not yet
 * run. Student output is kept up to a cap; the JVM works in the submission's temp folder.
 */
final class IsolatedTests {

    /** How a grading run is set up: the same for every submission of a run. */
    record Settings(String java, List<String> runnerClassPath, long seed, Duration testTimeout,
            Duration silenceLimit, Duration submissionLimit, String runAs, Sandbox sandbox) {

        Settings withRunnerClassPath(List<String> classPath) {
            return new Settings(java, classPath, seed, testTimeout, silenceLimit, submissionLimit, runAs, sandbox);
        }
    }

    private static final int OUTPUT_CAP = 64 * 1024;
    private static final String HEAP = "512m";
    private static final int MAX_JVMS = 60;

    /**
     * What keeps student code from the runner's connection inside the JVM: only the standard Java
     * modules (no sun.misc.Unsafe, no HotSpot diagnostics to dump the heap, no attach API), no
     * attaching from outside, no shared performance file. Strong encapsulation (JDK 17 and later)
     * already keeps reflection out of the JDK's own classes.
     */
    static final List<String> HARDENING = List.of("--limit-modules", "java.se,jdk.charsets,jdk.localedata,jdk.zipfs",
            "-XX:+DisableAttachMechanism", "-XX:-UsePerfData");

    /**
     * A test JVM lives seconds: the optimising compiler (C2) would spend more CPU than it saves,
     * CPU the other grading job needs. Without it, a class of correct hand-ins graded with 2 jobs
     * on 2 cores took 73.6 and 75.0 s against 87.2 and 89.5 s (docs/performance.md).
     */
    static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1");

    /** The results, plus what the grader saw: how many JVMs, and the student's output (capped). */
    record Outcome(TestResults results, int jvms, String output, List<String> incidents) {
    }

    private IsolatedTests() {
    }

    /** Runs the tests of {@code steps} (all of the lesson's steps when it is empty). */
    static Outcome run(LessonKit lesson, Set<Integer> steps, Path classes, Path work, Settings settings)
            throws IOException, InterruptedException {
        Workspace workspace = Workspace.create(work, settings.runAs());
        try {
            return run(lesson, steps, classes, workspace, settings);
        } finally {
            Files.deleteIfExists(workspace.socketFolder().resolve("results.sock"));
            Files.deleteIfExists(workspace.socketFolder());
        }
    }

    private static Outcome run(LessonKit lesson, Set<Integer> steps, Path classes, Workspace workspace,
            Settings settings) throws IOException, InterruptedException {
        TestResults results = new TestResults();
        CappedOutput output = new CappedOutput(OUTPUT_CAP);
        List<String> incidents = new ArrayList<>();
        long deadline = System.nanoTime() + settings.submissionLimit().toNanos();
        int jvms = 0;
        String reasonForTheRest = "not run";
        while (true) {
            jvms++;
            results.newJvm();
            new SkipList(results.begun(), results.timedOutParts(), results.failedSteps()).write(workspace.skipFile());
            int resultsBefore = results.resultCount();
            JvmEnd end;
            Process process;
            try (ResultsChannel channel = ResultsChannel.open(workspace.socketFolder())) {
                if (settings.runAs() != null) {
                    giveTo(settings.runAs(), channel.socketFile());
                }
                process = start(lesson, steps, classes, settings, workspace, channel);
                end = watch(process, channel, workspace, results, output, deadline, settings.silenceLimit());
            }
            if (end == JvmEnd.FINISHED) {
                break;
            }
            if (jvms == 1 && results.plan().isEmpty()) {
                // The runner could not even list the tests: a fault of the grader's setup, not of the
                // student (whose code runs only once tests run). Said to the teacher, not graded as 0.
                throw new IllegalStateException("the test JVM ended before it listed any test (exit code "
                        + process.exitValue() + "): " + output.text().lines().limit(3).collect(
                        java.util.stream.Collectors.joining(" | ")));
            }
            if (end == JvmEnd.RESTART && results.resultCount() > resultsBefore && jvms < MAX_JVMS) {
                continue; // a test timed out (or left Swing's event thread stuck): a fresh JVM goes on
            }
            String reason = end.reason(settings, process.exitValue());
            List<ResultLine.TestKey> lost = results.inFlight();
            lost.forEach(test -> results.lost(test, reason));
            // Progress: a test got a result, even the one the JVM ended in; the next JVM goes on after it.
            boolean progressed = results.resultCount() > resultsBefore;
            incidents.add(reason.replace("during this test", lost.isEmpty() ? "between tests" : "during a test"));
            if (end == JvmEnd.SUBMISSION_LIMIT) {
                reasonForTheRest = "not run: the time for the whole submission ran out";
                break;
            }
            if (!progressed || jvms >= MAX_JVMS) {
                reasonForTheRest = "not run: " + reason.replace("during this test", "before this test could run");
                break;
            }
        }
        results.finish(reasonForTheRest);
        return new Outcome(results, jvms, output.text(), grouped(incidents));
    }

    /** How a test JVM ended, and what the grader says about it. */
    enum JvmEnd {
        /** Every test ran. */
        FINISHED,
        /** A test timed out, or left Swing's event thread stuck: the JVM ended itself to go on in a fresh one. */
        RESTART,
        /** The grader stopped it: the time for the whole submission ran out. */
        SUBMISSION_LIMIT,
        /** The grader stopped it: nothing happened for too long (a hang JUnit could not break). */
        SILENCE,
        /** Student code called System.exit. */
        EXIT,
        /** The heap (or the threads) ran out, and the test runner itself could not go on. */
        OUT_OF_MEMORY,
        /** It ended otherwise (Runtime.halt, a crash). */
        CRASH;

        /** The words a test that was running gets, and (adapted) the incident line. */
        String reason(Settings settings, int exitCode) {
            return switch (this) {
                case SUBMISSION_LIMIT -> "not finished when the time for the whole submission ("
                        + settings.submissionLimit().toSeconds() + " s) ran out";
                case SILENCE -> "did not finish: nothing happened for " + settings.silenceLimit().toSeconds()
                        + " s, so the grader stopped the tests' Java program";
                case EXIT -> "your code called System.exit during this test, which ends the tests' Java program:"
                        + " never call System.exit in the code you write";
                case OUT_OF_MEMORY -> "the tests' Java program ran out of memory during this test (" + HEAP
                        + " of heap): does your code keep adding to a list or a string without end, or start a"
                        + " thread for ever more work?";
                default -> "the tests' Java program ended unexpectedly during this test (exit code " + exitCode
                        + "): Runtime.halt, or a crash";
            };
        }
    }

    /**
     * The folders of one submission's test runs, under its work folder: where the test JVM works
     * when it runs outside a sandbox (inside, it can write nowhere), the grader's socket for its
     * results (in a short-named folder: a socket's path is limited to about 100 bytes), the
     * skip list the grader writes for the next JVM, and a copy of every line the runners sent
     * (results.txt: to look into with --keep).
     */
    record Workspace(Path run, Path home, Path tmp, Path socketFolder, Path skipFile, Path log) {

        static Workspace create(Path work, String runAs) throws IOException {
            Path run = Files.createDirectories(work.resolve("run"));
            Path socketFolder = Files.createTempDirectory("ck");
            Workspace workspace = new Workspace(run, Files.createDirectories(run.resolve("home")),
                    Files.createDirectories(run.resolve("tmp")), socketFolder, work.resolve("skip.txt"),
                    work.resolve("results.txt"));
            if (runAs != null) {
                giveTo(runAs, run, socketFolder);
            }
            return workspace;
        }
    }

    /** Starts a test JVM and tells it, on standard input, the nonce and where to send its results. */
    private static Process start(LessonKit lesson, Set<Integer> steps, Path classes, Settings settings,
            Workspace workspace, ResultsChannel channel) throws IOException {
        List<String> command = command(lesson, steps, classes, settings, workspace);
        String socket = channel.socketFile().toString();
        if (settings.sandbox() != null) {
            command = settings.sandbox().wrap(command, javaHome(settings), readable(lesson, classes, settings, workspace),
                    channel.socketFile());
            socket = Sandbox.SOCKET_INSIDE;
        }
        if (settings.runAs() != null) {
            List<String> asUser = new ArrayList<>(List.of("runuser", "-u", settings.runAs(), "--"));
            asUser.addAll(command); // student code never runs as root
            command = asUser;
        }
        Process process = new ProcessBuilder(command).directory(workspace.run().toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((channel.nonce() + "\n" + socket + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the JVM ended at once: watch() says so, like any other early end
        }
        return process;
    }

    /** What the test JVM may read inside the sandbox: its class path, its options file, the skip list. */
    private static List<Path> readable(LessonKit lesson, Path classes, Settings settings, Workspace workspace) {
        List<Path> readable = new ArrayList<>();
        settings.runnerClassPath().forEach(entry -> readable.add(Paths.get(entry)));
        readable.addAll(List.of(lesson.visibleTestClasses(), lesson.hiddenTestClasses(), classes,
                lesson.jvmArgsFile(), workspace.skipFile()));
        lesson.testProperties().values().stream().map(Paths::get).filter(Path::isAbsolute).forEach(readable::add);
        return readable;
    }

    private static Path javaHome(Settings settings) {
        return Paths.get(settings.java()).getParent().getParent();
    }

    /**
     * Follows a test JVM until it ends, or stops it when the submission's time runs out or when
     * nothing happens for {@code silence}; reads its results as they come.
     */
    private static JvmEnd watch(Process process, ResultsChannel channel, Workspace workspace, TestResults results,
            CappedOutput output, long deadline, Duration silence) throws IOException, InterruptedException {
        Thread pump = output.pump(process.getInputStream());
        long lastProgress = System.nanoTime();
        JvmEnd stopped = null;
        while (true) {
            boolean exited = process.waitFor(50, TimeUnit.MILLISECONDS);
            if (take(exited ? channel.lastLines() : channel.newLines(), results, workspace.log())) {
                lastProgress = System.nanoTime();
            }
            if (exited) {
                break;
            }
            long now = System.nanoTime();
            stopped = now - deadline > 0 ? JvmEnd.SUBMISSION_LIMIT
                    : now - lastProgress > silence.toNanos() ? JvmEnd.SILENCE : null;
            if (stopped != null) {
                killTree(process);
                take(channel.lastLines(), results, workspace.log());
                break;
            }
        }
        pump.join(2000);
        if (stopped != null) {
            return stopped;
        }
        return results.ended() ? JvmEnd.FINISHED : results.restartAsked() ? JvmEnd.RESTART
                : results.outOfMemory() ? JvmEnd.OUT_OF_MEMORY
                : results.exitCalled() ? JvmEnd.EXIT : JvmEnd.CRASH;
    }

    /** "the same thing (3 times)" for incidents that happened more than once, in the order they first happened. */
    static List<String> grouped(List<String> incidents) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        incidents.forEach(incident -> counts.merge(incident, 1, Integer::sum));
        List<String> grouped = new ArrayList<>();
        counts.forEach((incident, count) -> grouped.add(count == 1 ? incident : incident + " (" + count + " times)"));
        return grouped;
    }

    /** Lets the user who runs the tests (not the grader's) write where the test JVM writes. */
    private static void giveTo(String user, Path... paths) throws IOException {
        var owner = paths[0].getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        for (Path path : paths) {
            try (java.util.stream.Stream<Path> tree = Files.walk(path)) {
                for (Path each : (Iterable<Path>) tree::iterator) {
                    Files.setOwner(each, owner);
                }
            }
        }
    }

    private static List<String> command(LessonKit lesson, Set<Integer> steps, Path classes, Settings settings,
            Workspace workspace) {
        List<String> command = new ArrayList<>();
        boolean sandboxed = settings.sandbox() != null;
        command.addAll(List.of(settings.java(), "@" + lesson.jvmArgsFile(),
                "-Xmx" + HEAP, "-Xshare:auto",
                "-Duser.home=" + (sandboxed ? Sandbox.HOME_INSIDE : workspace.home()),
                "-Djava.io.tmpdir=" + (sandboxed ? "/tmp" : workspace.tmp())));
        command.addAll(HARDENING);
        command.addAll(SHORT_LIVED);
        if (Runtime.version().feature() >= 24) {
            command.add("--illegal-native-access=deny"); // no JNI or FFM from the class path (JDK 24 and later)
        }
        // A step built on a failed one is judged in another run, with the reference standing in for
        // that one (Grade.withReferenceFor): its tests in this run would only be waited for.
        command.add("-Dchatkit.grader.skipBuiltOnFailed=true");
        command.addAll(List.of(
                "-Dchatkit.progress=off",
                "-Dchatkit.seed=" + settings.seed(),
                "-Dchatkit.grader.testTimeout=" + settings.testTimeout().toSeconds() + " s"));
        for (Map.Entry<String, String> property : lesson.testProperties().entrySet()) {
            command.add("-D" + property.getKey() + "=" + property.getValue());
        }
        // The tests' own classes and libraries first: a student class can never stand in for them.
        List<String> classPath = new ArrayList<>(settings.runnerClassPath());
        classPath.add(lesson.visibleTestClasses().toString());
        classPath.add(lesson.hiddenTestClasses().toString());
        classPath.add(classes.toString());
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), "chatkit.grader.TestRunner",
                workspace.skipFile().toString(), lesson.packageName(), lesson.runsArgument(steps),
                lesson.visibleTestClasses().toString(), lesson.hiddenTestClasses().toString()));
        return command;
    }

    /** Gives the runner's lines to {@code results}; true if one showed progress. */
    private static boolean take(List<String> lines, TestResults results, Path log) throws IOException {
        if (!lines.isEmpty()) {
            Files.write(log, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        boolean progress = false;
        for (String line : lines) {
            progress |= results.accept(line);
        }
        return progress;
    }

    /** Ends the test JVM and everything it started (a reference server process, say). */
    static void killTree(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The student's console output, kept up to a cap; the rest is read and dropped. */
    static final class CappedOutput {
        private final int cap;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private long dropped;

        CappedOutput(int cap) {
            this.cap = cap;
        }

        Thread pump(InputStream in) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        synchronized (this) {
                            int keep = Math.max(0, Math.min(n, cap - kept.size()));
                            kept.write(buffer, 0, keep);
                            dropped += n - keep;
                        }
                    }
                } catch (IOException e) {
                    // the JVM ended
                }
            }, "grader-output");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        synchronized String text() {
            String text = kept.toString(StandardCharsets.UTF_8);
            return dropped == 0 ? text : text + "\n[... " + dropped + " more bytes of output not kept]";
        }
    }

    static Path javaOf(String javaHome) {
        return Paths.get(javaHome, "bin", "java");
    }
}
