// @kit:instructor-only
package chatkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample class is stored as patches on the reference: each must still apply, exactly. */
class SamplePatchTest {

    static Path kit = Paths.get(System.getProperty("kit.root", "../..")).toAbsolutePath().normalize();

    @Test
    @DisplayName("every sample in solutions/samples still applies to the kit's reference (or starter)")
    void everySampleApplies(@TempDir Path temp) throws Exception {
        List<LessonKit> lessons = LessonKit.all(kit);
        List<Path> patches;
        try (Stream<Path> files = Files.list(kit.resolve("solutions/samples"))) {
            patches = files.filter(f -> f.toString().endsWith(".patch")).sorted().collect(Collectors.toList());
        }
        assertThat(patches).as("sample patches").hasSizeGreaterThan(10);
        for (Path patch : patches) {
            Path handIn = temp.resolve(patch.getFileName().toString().replace(".patch", ""));
            SamplePatch.materialise(kit, lessons, patch, handIn); // throws, naming file and line, if it does not apply
            try (Stream<Path> files = Files.walk(handIn)) {
                assertThat(files.filter(f -> f.toString().endsWith(".java")).count()).as("%s: Java files", patch)
                        .isPositive();
            }
        }
    }

    @Test
    @DisplayName("a patch whose context changed in the reference fails with the file, the line and both texts")
    void aStaleHunkSaysWhere() {
        List<String> reference = List.of("class A {", "    void send() {", "        writer.flush();", "    }", "}");
        List<String> stale = List.of("--- a/A.java", "+++ b/A.java", "@@ -2,3 +2,2 @@", "     void send() {",
                "-        out.flush();", "     }");
        assertThatThrownBy(() -> SamplePatch.applyHunks("dan.patch, A.java", reference, stale))
                .isInstanceOf(SamplePatch.DoesNotApply.class)
                .hasMessageContaining("dan.patch, A.java: line 3 no longer reads \"out.flush();\"")
                .hasMessageContaining("it reads \"writer.flush();\"");
    }

    @Test
    @DisplayName("hunks remove, add and keep lines exactly where the diff says, and a new file starts empty")
    void hunksApplyExactly() throws Exception {
        List<String> text = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        List<String> diff = List.of("--- a/x", "+++ b/x", "@@ -1,3 +1,3 @@", " a", "-b", "+B", " c",
                "@@ -6,3 +6,4 @@", " f", " g", "+g2", " h");
        assertThat(SamplePatch.applyHunks("x", text, diff)).containsExactly("a", "B", "c", "d", "e", "f", "g", "g2", "h");
        List<String> added = List.of("--- /dev/null", "+++ b/y", "@@ -0,0 +1,2 @@", "+one", "+two");
        assertThat(SamplePatch.applyHunks("y", List.of(), added)).containsExactly("one", "two");
    }

    @Test
    @DisplayName("a sample that does not apply reaches the grades as a note on that student, not a crash")
    void aBrokenSampleIsReportedOnItsStudent(@TempDir Path temp) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("class"));
        Files.writeString(folder.resolve("zed.patch"), String.join("\n", "Base: reference", "Lessons: lesson-01-console",
                "", "--- a/lesson-01-console/src/main/java/chatkit/lesson1/ChatProtocol.java",
                "+++ b/lesson-01-console/src/main/java/chatkit/lesson1/ChatProtocol.java", "@@ -1,1 +1,1 @@",
                "-no such line", "+anything", ""), StandardCharsets.UTF_8);
        List<Submissions.Submission> found = Submissions.find(folder, temp.resolve("work"), kit, LessonKit.all(kit));
        assertThat(found).singleElement().satisfies(submission -> {
            assertThat(submission.student()).isEqualTo("zed");
            assertThat(submission.problem()).contains("no longer applies").contains("ChatProtocol.java: line 1");
        });
    }
}
