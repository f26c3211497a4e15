// @kit:instructor-only
package chatkit.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades a class: {@code solutions/grade SUBMISSIONS OUT [--lesson N] [--jobs J] [--seed S]}.
 *
 * Each submission (a folder or zip per student) is searched for the kit's lessons; each lesson
 * found is compiled from the student's main sources and tested, visible and hidden tests, in JVMs
 * of its own. Writes OUT/grades.csv, OUT/feedback/STUDENT.md and OUT/results/STUDENT/results.json,
 * and prints a summary table. Exit code 0 when grading ran (whatever the grades), 2 for a usage
 * mistake, 1 when the kit is not ready.
 */
public final class Grade {

    /** What one grading run is asked to do. */
    record Options(Path submissions, Path out, Optional<Integer> lesson, int jobs, long seed, Duration testTimeout,
            Duration submissionLimit, boolean keep, String runAs, boolean sandbox) {
    }

    private static final String USAGE = String.join("\n",
            "Usage: solutions/grade SUBMISSIONS OUT [--lesson N] [--jobs J] [--seed S]",
            "                       [--test-timeout SECONDS] [--limit SECONDS] [--keep]",
            "  SUBMISSIONS  a folder with one folder or zip per student (a copy of the student edition",
            "               or of one lesson)",
            "  OUT          where grades.csv, feedback/ and results/ are written",
            "  --lesson N   grade only lesson N (default: every lesson found in each submission)",
            "  --jobs J     grade J submissions at once (default: half the processors, at least 1)",
            "  --seed S     the hidden tests' seed (default: a random one, printed and written down);",
            "               the same submission and seed give the same grade",
            "  --test-timeout SECONDS  time limit of each test (default 10)",
            "  --limit SECONDS         time limit of one submission's lesson (default 300)",
            "  --keep       keep the temp folder (compiled classes, test JVM results) to look into",
            "  --run-as USER           run the tests as USER (the grader runs as root): student code",
            "                          never runs as root",
            "  --no-sandbox            run the tests without the bubblewrap sandbox (only where there is",
            "                          none: a hostile hand-in can then forge its grade and touch others')");

    private Grade() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Path kit = Paths.get(System.getProperty("kit.root", ".")).toAbsolutePath().normalize();
        try {
            List<LessonGrade> grades = grade(kit, options, System.err);
            System.out.print(Reports.summary(grades));
            System.out.println("Seed " + options.seed() + ". Written: " + options.out().resolve("grades.csv") + ", "
                    + options.out().resolve("feedback") + ", " + options.out().resolve("results"));
        } catch (KitNotReady e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** The kit is missing a part grading needs (not built?): said in one line. */
    static final class KitNotReady extends Exception {
        KitNotReady(String message) {
            super(message);
        }
    }

    static Options parse(String[] args) {
        List<String> positional = new ArrayList<>();
        Optional<Integer> lesson = Optional.empty();
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        long seed = new SecureRandom().nextInt(1_000_000_000);
        long testTimeout = 10;
        long limit = 300;
        boolean keep = false;
        String runAs = null;
        boolean sandbox = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--lesson" -> lesson = Optional.of(positiveNumber(arg, value(args, ++i, arg)));
                case "--jobs" -> jobs = positiveNumber(arg, value(args, ++i, arg));
                case "--seed" -> seed = longNumber(arg, value(args, ++i, arg));
                case "--test-timeout" -> testTimeout = positiveNumber(arg, value(args, ++i, arg));
                case "--limit" -> limit = positiveNumber(arg, value(args, ++i, arg));
                case "--keep" -> keep = true;
                case "--run-as" -> runAs = value(args, ++i, arg);
                case "--no-sandbox" -> sandbox = false;
                case "-h", "--help" -> throw new IllegalArgumentException("Grades a class's submissions.");
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("Unknown option " + arg + ".");
                    }
                    positional.add(arg);
                }
            }
        }
        if (positional.size() != 2) {
            throw new IllegalArgumentException("Give the submissions folder and the output folder.");
        }
        Path submissions = Paths.get(positional.get(0)).toAbsolutePath().normalize();
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException("No folder " + submissions + ": give the folder that holds one folder"
                    + " or zip per student.");
        }
        Path out = Paths.get(positional.get(1)).toAbsolutePath().normalize();
        if (out.startsWith(submissions)) {
            throw new IllegalArgumentException("OUT must not be inside SUBMISSIONS (it would look like a student).");
        }
        return new Options(submissions, out, lesson, jobs, seed, Duration.ofSeconds(testTimeout),
                Duration.ofSeconds(limit), keep, runAs, sandbox);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    private static int positiveNumber(String option, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs a whole number above 0, not '" + text + "'.");
    }

    private static long longNumber(String option, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + text + "'.");
        }
    }

    /** Grades every submission and writes the reports; returns the grades, sorted by student and lesson. */
    static List<LessonGrade> grade(Path kit, Options options, PrintStream progress) throws Exception {
        List<LessonKit> lessons = lessonsToGrade(kit, options);
        Path temp = Files.createTempDirectory("chatkit-grade-");
        try {
            IsolatedTests.Settings settings = settings(kit, options, temp);
            List<Submissions.Submission> submissions = Submissions.find(options.submissions(), temp, kit, LessonKit.all(kit));
            progress.printf("Grading %d submission(s), lessons %s, %d at a time, seed %d%n", submissions.size(),
                    lessons.stream().map(l -> String.valueOf(l.number())).collect(Collectors.joining(", ")),
                    options.jobs(), options.seed());
            List<LessonGrade> grades = gradeAll(jobs(submissions, lessons, options, temp), settings, temp,
                    options.jobs(), progress);
            int maxSteps = lessons.stream().mapToInt(l -> l.steps().size()).max().orElse(0);
            Reports.write(options.out(), grades, options.seed(), maxSteps);
            Reports.writeOutputs(options.out(), grades);
            Files.writeString(options.out().resolve("timing.csv"), timing(grades), StandardCharsets.UTF_8);
            return grades;
        } finally {
            removeTemp(temp, options.keep(), progress);
        }
    }

    /** The lessons asked for, each checked to be built. */
    private static List<LessonKit> lessonsToGrade(Path kit, Options options) throws IOException, KitNotReady {
        List<LessonKit> lessons = LessonKit.all(kit).stream()
                .filter(l -> options.lesson().isEmpty() || l.number() == options.lesson().get())
                .collect(Collectors.toList());
        if (lessons.isEmpty()) {
            throw new KitNotReady("The kit has no lesson " + options.lesson().orElse(0) + ".");
        }
        for (LessonKit lesson : lessons) {
            for (Path part : lesson.builtParts()) {
                if (!Files.isDirectory(part)) {
                    throw new KitNotReady("The kit is not built (" + kit.relativize(part) + " is missing): run"
                            + " solutions/grade, which builds it, or ./mvnw -DskipTests test-compile.");
                }
            }
        }
        return lessons;
    }

    /** How every test JVM of this grading is started. */
    private static IsolatedTests.Settings settings(Path kit, Options options, Path temp) throws IOException,
            KitNotReady {
        Sandbox sandbox = null;
        if (options.sandbox()) {
            Optional<String> problem = Sandbox.problem(options.runAs());
            if (problem.isPresent()) {
                throw new KitNotReady("Grading runs every hand-in's tests in a sandbox, and " + problem.get() + "."
                        + " On Debian or Ubuntu: sudo apt install bubblewrap. Without a sandbox (--no-sandbox),"
                        + " a hostile hand-in can forge its own grade and change other students' (see"
                        + " docs/instructor-guide.md, \"Grading a class\", \"The sandbox\").");
            }
            sandbox = Sandbox.create(temp);
        }
        IsolatedTests.Settings settings = new IsolatedTests.Settings(
                IsolatedTests.javaOf(System.getProperty("java.home")).toString(), runnerClassPath(kit), options.seed(),
                options.testTimeout(), Duration.ofSeconds(Math.max(60, options.testTimeout().toSeconds()) + 20),
                options.submissionLimit(), options.runAs(), sandbox);
        if (options.runAs() == null) {
            return settings;
        }
        // The tests' user reads the compiled classes in here (it owns only each test run's
        // folder), and the test libraries, copied here from a Maven repository it may not read.
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return settings.withRunnerClassPath(copyJars(settings.runnerClassPath(),
                Files.createDirectories(temp.resolve("lib"))));
    }

    /**
     * One job per lesson found in each submission; a submission with none of the lessons asked
     * for gets a "not submitted" row (for the one lesson asked for, or for the first lesson).
     */
    private static List<Job> jobs(List<Submissions.Submission> submissions, List<LessonKit> lessons, Options options,
            Path temp) throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (Submissions.Submission submission : submissions) {
            boolean any = false;
            for (LessonKit lesson : lessons) {
                Optional<Path> sources = Submissions.lessonSources(submission.files(), lesson);
                if (sources.isEmpty()) {
                    sources = Submissions.looseLessonFiles(submission.files(), lesson,
                            temp.resolve("loose").resolve(submission.student()).resolve(lesson.folder()));
                }
                if (sources.isPresent()) {
                    jobs.add(new Job(submission, lesson, sources.get()));
                    any = true;
                }
            }
            if (!any) {
                for (LessonKit lesson : options.lesson().isPresent() ? lessons : lessons.subList(0, 1)) {
                    jobs.add(new Job(submission, lesson, null));
                }
            }
        }
        return jobs;
    }

    /** Grades the jobs, {@code parallel} at a time; a grader fault with one job is that job's row. */
    private static List<LessonGrade> gradeAll(List<Job> jobs, IsolatedTests.Settings settings, Path temp,
            int parallel, PrintStream progress) throws InterruptedException, java.util.concurrent.ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            Progress bar = new Progress(progress, jobs.size());
            List<Future<LessonGrade>> futures = new ArrayList<>();
            AtomicInteger counter = new AtomicInteger();
            for (Job job : jobs) {
                Path work = temp.resolve("work").resolve(counter.incrementAndGet() + "-" + job.submission().student()
                        + "-" + job.lesson().number());
                futures.add(pool.submit(() -> {
                    LessonGrade grade;
                    try {
                        grade = gradeOne(job, work, settings);
                    } catch (Exception | Error e) {
                        // A fault of the grader with this one submission: the others are graded anyway.
                        grade = LessonGrade.untested(job.submission().student(), job.lesson(),
                                LessonGrade.Status.GRADER_ERROR, List.of("The grader could not grade this lesson ("
                                + e + "): your teacher will look at it."), null, new LessonGrade.Timing(0, 0, 0));
                    }
                    bar.done(grade);
                    return grade;
                }));
            }
            List<LessonGrade> grades = new ArrayList<>();
            for (Future<LessonGrade> future : futures) {
                grades.add(future.get());
            }
            bar.finish();
            grades.sort(Comparator.comparing(LessonGrade::student).thenComparing(g -> g.lesson().folder()));
            return grades;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void removeTemp(Path temp, boolean keep, PrintStream progress) {
        if (keep) {
            progress.println("Kept the temp folder: " + temp);
            return;
        }
        try {
            deleteTree(temp);
        } catch (IOException e) {
            progress.println("Could not delete the temp folder " + temp + " (" + e.getMessage() + "): delete it"
                    + " by hand. The grades are written.");
        }
    }

    /** One submission's lesson to grade; {@code sources} is null when the submission has none. */
    record Job(Submissions.Submission submission, LessonKit lesson, Path sources) {
    }

    static LessonGrade gradeOne(Job job, Path work, IsolatedTests.Settings settings) throws Exception {
        String student = job.submission().student();
        List<String> notes = new ArrayList<>();
        if (job.submission().problem() != null) {
            notes.add(job.submission().problem());
        }
        if (job.sources() == null) {
            return LessonGrade.untested(student, job.lesson(), LessonGrade.Status.NOT_SUBMITTED, notes, null,
                    new LessonGrade.Timing(0, 0, 0));
        }
        long start = System.nanoTime();
        StudentBuild.Compiled compiled = StudentBuild.compile(job.lesson(), job.sources(), work.resolve("build"));
        notes.addAll(compiled.notes());
        double compileSeconds = (System.nanoTime() - start) / 1e9;
        if (!compiled.ok()) {
            return LessonGrade.untested(student, job.lesson(), LessonGrade.Status.COMPILE_ERROR, notes,
                    compiled.errors(), new LessonGrade.Timing(compileSeconds, 0, 0));
        }
        start = System.nanoTime();
        IsolatedTests.Outcome outcome = IsolatedTests.run(job.lesson(), Set.of(), compiled.classes(),
                Files.createDirectories(work.resolve("tests")), settings);
        int jvms = outcome.jvms();
        Map<Set<Integer>, IsolatedTests.Outcome> standIns = new LinkedHashMap<>();
        Set<Set<Integer>> tried = new java.util.HashSet<>();
        Set<Integer> notStarted = StandIn.notStarted(job.lesson(), compiled.sources());
        for (Optional<Set<Integer>> standIn = LessonGrade.standInToTry(job.lesson(), outcome, standIns, notStarted,
                tried); standIn.isPresent();
                standIn = LessonGrade.standInToTry(job.lesson(), outcome, standIns, notStarted, tried)) {
            tried.add(standIn.get());
            IsolatedTests.Outcome judged = withReferenceFor(job.lesson(), compiled, standIn.get(),
                    LessonGrade.stepsBuiltOn(job.lesson(), standIn.get(), notStarted), work, settings, notes);
            if (judged != null) {
                standIns.put(standIn.get(), judged);
                jvms += judged.jvms();
            }
        }
        double testSeconds = (System.nanoTime() - start) / 1e9;
        return LessonGrade.of(student, job.lesson(), outcome, standIns, notStarted, notes,
                new LessonGrade.Timing(compileSeconds, testSeconds, jvms));
    }

    /**
     * Runs the tests of {@code steps} again with the reference's code in place of the student's for
     * the failing steps they build on ({@code standIn}), so they are judged on the student's own code
     * for them; null (and a note) when that cannot be done, and their points wait for those steps.
     */
    private static IsolatedTests.Outcome withReferenceFor(LessonKit lesson, StudentBuild.Compiled compiled,
            Set<Integer> standIn, Set<Integer> steps, Path work, IsolatedTests.Settings settings, List<String> notes)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(lesson.referenceSources())) {
            return null; // a Gradescope bundle carries no reference: steps wait for the steps they need
        }
        String why;
        Path folder = work.resolve("with-reference-for-" + standIn.stream().map(String::valueOf)
                .collect(Collectors.joining("-")));
        StandIn.Mixed mixed = StandIn.mix(lesson, compiled.sources(), standIn);
        if (mixed.problem() == null) {
            StudentBuild.Compiled mix = StudentBuild.compile(mixed.sources(), new ArrayList<>(), folder.resolve("build"));
            if (mix.ok()) {
                return IsolatedTests.run(lesson, steps, mix.classes(), Files.createDirectories(folder.resolve("tests")),
                        settings);
            }
            why = "with it, your code does not compile: " + mix.errors().lines().findFirst().orElse("");
        } else {
            why = mixed.problem();
        }
        notes.add(capitalized(LessonGrade.stepList(steps)) + " could not be graded with the kit's code for "
                + LessonGrade.stepList(standIn) + " in place of yours (" + why + "), so their points wait for "
                + LessonGrade.stepList(standIn) + ".");
        return null;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The runner's own classes and the test libraries, as the build wrote them down. */
    static List<String> runnerClassPath(Path kit) throws IOException, KitNotReady {
        Path grader = kit.resolve("solutions/grader/target");
        Path list = grader.resolve("grader-classpath.txt");
        if (!Files.isRegularFile(list)) {
            throw new KitNotReady("The grader is not built (" + kit.relativize(list) + " is missing): run"
                    + " solutions/grade, which builds it.");
        }
        List<String> classPath = new ArrayList<>(List.of(grader.resolve("classes").toString()));
        Arrays.stream(Files.readString(list).strip().split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank()).forEach(classPath::add);
        return classPath;
    }

    private static List<String> copyJars(List<String> classPath, Path lib) throws IOException {
        List<String> copied = new ArrayList<>();
        for (String entry : classPath) {
            Path path = Paths.get(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                Path copy = lib.resolve(path.getFileName());
                Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                copied.add(copy.toString());
            } else {
                copied.add(entry);
            }
        }
        return copied;
    }

    static String timing(List<LessonGrade> grades) {
        StringBuilder csv = new StringBuilder("student,lesson,compile_seconds,test_seconds,test_jvms\n");
        for (LessonGrade grade : grades) {
            csv.append(String.format(java.util.Locale.ROOT, "%s,%s,%.2f,%.2f,%d%n", grade.student(),
                    grade.lesson().folder(), grade.timing().compile(), grade.timing().tests(), grade.timing().jvms()));
        }
        return csv.toString();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A progress bar on the console: redrawn in place on a terminal, a line per lesson otherwise. */
    static final class Progress {
        private final PrintStream out;
        private final int total;
        private final boolean terminal = System.console() != null;
        private int done;

        Progress(PrintStream out, int total) {
            this.out = out;
            this.total = total;
        }

        synchronized void done(LessonGrade grade) {
            done++;
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            String line = String.format("[%s%s] %d/%d  %s, lesson %d: %s/%s (%s)", "#".repeat(filled),
                    "-".repeat(width - filled), done, total, grade.student(), grade.lesson().number(),
                    Reports.number(grade.points()), Reports.number(grade.maxPoints()), grade.status().words);
            if (terminal) {
                out.print("\r" + String.format("%-100s", line));
            } else {
                out.println(line);
            }
            out.flush();
        }

        synchronized void finish() {
            if (terminal) {
                out.println();
            }
        }
    }
}
