// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.tools.ExportStudentEdition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof 4: the student edition, made by the export command, leaks nothing instructor-only,
 * builds on its own with the Maven of this build, and its lesson tests fail by design with step
 * messages and the progress report, exactly as a student first sees them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudentEditionProof {

    @TempDir
    static Path workspace;
    static Path edition;
    static List<String> exported;

    @BeforeAll
    static void export() throws IOException {
        edition = workspace.resolve("student-edition");
        // The files as they are on disk: this build checks the code it has just tested. (The
        // export command itself takes what is committed.)
        exported = ExportStudentEdition.export(Lesson.kitRoot(), edition, ExportStudentEdition.Source.WORKING_TREE);
    }

    @Test
    @Order(1)
    void exportHasTheLessonsAndNothingInstructorOnly() throws IOException {
        assertThat(exported).as("exported files").contains("pom.xml", "mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties",
                ".mvn/jvm.config", "README.md", "docs/troubleshooting.md");
        assertThat(exported).as("exported files").noneMatch(file -> file.startsWith("solutions/") || file.startsWith(".ci/")
                || file.startsWith("docs/instructor") || file.equals(".mvn/maven.config"));
        for (Lesson lesson : Lesson.all()) {
            assertThat(edition.resolve(lesson.folder()).resolve("pom.xml")).as("%s in the export", lesson).isRegularFile();
            assertThat(edition.resolve(lesson.get("handout"))).as("%s handout in the export", lesson).isRegularFile();
        }
        assertThat(edition.resolve("README.md")).as("the student README").hasSameTextualContentAs(
                Lesson.kitRoot().resolve(ExportStudentEdition.STUDENT_README), StandardCharsets.UTF_8);
        assertThat(edition.resolve("mvnw").toFile().canExecute()).as("mvnw stays executable").isTrue();
        assertThat(ExportStudentEdition.findLeaks(Lesson.kitRoot(), edition)).as("leaks found in the export").isEmpty();
    }

    @Test
    @Order(1)
    void classroomWorkflowGradesEveryStepWithItsVisiblePoints() throws IOException {
        String workflow = Files.readString(edition.resolve(ExportStudentEdition.CLASSROOM_WORKFLOW));
        assertThat(workflow).as("the GitHub Classroom workflow").doesNotContain("#STEPS#", "#ENV#", "#RUNNERS#")
                .contains("classroom-resources/autograding-grading-reporter@v1");
        for (Lesson lesson : Lesson.all()) {
            int number = Integer.parseInt(lesson.folder().substring(7, 9));
            for (chatkit.testkit.Steps.Step step : chatkit.testkit.Steps.read(lesson.path("steps")).all()) {
                int n = step.number();
                String id = "lesson-" + number + "-step-" + n;
                assertThat(workflow).as("%s step %d in the workflow", lesson, n)
                        .contains("id: " + id + "\n")
                        .contains("-f " + lesson.folder() + "/pom.xml -Dgroups=step-" + n + "\n")
                        .contains(id.toUpperCase() + "_RESULTS: \"${{ steps." + id + ".outputs.result }}\"")
                        .containsPattern("Dgroups=step-" + n + "\n          timeout: 5\n          max-score: "
                                + new java.math.BigDecimal(String.valueOf(step.visiblePoints())).stripTrailingZeros()
                                        .toPlainString() + "\n");
            }
        }
    }

    @Test
    @Order(2)
    void leakCheckCatchesAReferenceFileSlippedIn() throws IOException {
        // The leak check must be able to fail: slip a reference file into a copy and see it caught.
        Lesson lesson = Lesson.all().get(0);
        Path reference = lesson.path("reference.dir").resolve(lesson.packageName().replace('.', '/'))
                .resolve(lesson.studentFiles().get(0));
        Path tampered = workspace.resolve("tampered");
        Files.createDirectories(tampered);
        Files.copy(reference, tampered.resolve("Sneaky.java"));

        assertThat(ExportStudentEdition.findLeaks(Lesson.kitRoot(), tampered)).as("leaks found in a tampered copy")
                .anyMatch(leak -> leak.startsWith("Sneaky.java"));
    }

    @Test
    @Order(3)
    void solvedStudentFileIsCaught() throws IOException {
        // An instructor who solved a lesson in class must not export the solution.
        Lesson lesson = Lesson.all().get(0);
        String packagePath = lesson.packageName().replace('.', '/');
        Path solved = workspace.resolve("solved");
        for (String file : exported) {
            Path copy = solved.resolve(file);
            Files.createDirectories(copy.getParent());
            Files.copy(edition.resolve(file), copy);
        }
        String studentFile = lesson.studentFiles().get(0);
        Files.copy(lesson.path("reference.dir").resolve(packagePath).resolve(studentFile),
                solved.resolve(lesson.folder() + "/src/main/java/" + packagePath + "/" + studentFile),
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(ExportStudentEdition.findSolvedStudentFiles(Lesson.kitRoot(), edition)).as("in the real export").isEmpty();
        assertThat(ExportStudentEdition.findSolvedStudentFiles(Lesson.kitRoot(), solved)).as("with a solved %s", studentFile)
                .anyMatch(problem -> problem.contains(studentFile) && problem.contains("looks solved"));
    }

    @Test
    @Order(4)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void studentEditionBuildsOnItsOwn() throws Exception {
        Result build = maven(edition, "test-compile");

        assertThat(build.exitCode()).as("`mvn test-compile` in the student edition; output:%n%s", build.output()).isZero();
    }

    @Test
    @Order(5)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void untouchedLessonFailsByDesignWithStepMessagesAndAReport() throws Exception {
        for (Lesson lesson : Lesson.all()) {
            long start = System.nanoTime();
            Result run = maven(edition.resolve(lesson.folder()), "test");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("[proof 4] %s: untouched `mvn test` in the student edition took %d ms (exit %d)%n",
                    lesson, millis, run.exitCode());

            assertThat(run.exitCode()).as("%s: `mvn test` on the untouched starter must fail; output:%n%s", lesson,
                    run.output()).isNotZero();
            assertThat(run.output()).as("%s: what a student sees", lesson)
                    .contains("Tests run:")
                    .contains("your progress")
                    .contains("Step 1 ")
                    .contains("TODO 1 not done")
                    .contains("Next: step 1")
                    .doesNotContain("Tests are skipped");
            // The report is the last thing on the screen, after Maven's BUILD FAILURE and [Help 1] lines,
            // and only there (the tests leave the console to the report printed at Maven's exit).
            String[] lines = run.output().strip().split("\\R");
            assertThat(lines[lines.length - 2]).as("%s: the last line but one of what a student sees; output:%n%s",
                    lesson, run.output()).contains("Next: step 1");
            assertThat(run.output()).as("%s: the report, once", lesson).containsOnlyOnce("your progress")
                    .containsPattern("\\[Help 1\\][^\\n]*\\R\\R-{78}\\R [^\\n]* - your progress");
            assertThat(edition.resolve(lesson.folder()).resolve("target/progress.txt")).as("%s: the report file", lesson)
                    .isRegularFile();
        }
    }

    record Result(int exitCode, String output) {
    }

    /**
     * Runs the exported edition's own Maven Wrapper in {@code folder}, as a student does
     * ({@code ../mvnw test} in a lesson), on this JDK, with this build's local repository.
     */
    private static Result maven(Path folder, String... goals) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
        List<String> command = new ArrayList<>();
        if (windows) {
            command.addAll(List.of("cmd", "/c", edition.resolve("mvnw.cmd").toString()));
        } else {
            command.addAll(List.of("sh", edition.resolve("mvnw").toString()));
        }
        command.add("-B");
        command.add("-ntp");
        String repository = System.getProperty("kit.localRepository");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(goals));
        Path log = Files.createTempFile(workspace, "maven", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "(killed after 4 minutes)\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
