// @kit:instructor-only
package chatkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding submissions safely: zips that try to write outside their folder, odd names, bad options. */
class SubmissionsTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a zip entry with ../ in its name is never written outside the student's folder")
    void zipSlipIsRefused() throws IOException {
        Path zip = temp.resolve("mallory.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../../escaped.txt"));
            out.write("gotcha".getBytes());
            out.closeEntry();
            out.putNextEntry(new ZipEntry("src/main/java/chatkit/lesson1/Fine.java"));
            out.write("class Fine {}".getBytes());
            out.closeEntry();
        }
        Path target = temp.resolve("unzipped/mallory");
        assertThat(Submissions.unzip(zip, target)).isNull();
        assertThat(target.resolve("src/main/java/chatkit/lesson1/Fine.java")).exists();
        assertThat(temp.resolve("escaped.txt")).doesNotExist();
        assertThat(temp.getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    @DisplayName("a zip that is not one is reported in words, not as a crash")
    void brokenZip() throws IOException {
        Path zip = Files.writeString(temp.resolve("broken.zip"), "not a zip at all");
        assertThat(Submissions.unzip(zip, temp.resolve("unzipped/broken"))).satisfiesAnyOf(
                problem -> assertThat(problem).isNull(), problem -> assertThat(problem).contains("could not be read"));
    }

    @Test
    @DisplayName("student names are safe in file names and CSV cells, and keep their letters in any script")
    void safeNames() {
        assertThat(Submissions.studentName("Zoë O'Neil, 2nd try")).isEqualTo("Zoë_O_Neil__2nd_try");
        assertThat(Submissions.studentName("Zoe\u0308")).as("decomposed ë").isEqualTo("Zoë");
        assertThat(Submissions.studentName("ada.lovelace@example.org")).isEqualTo("ada.lovelace@example.org");
        assertThat(Submissions.studentName("李雷")).isNotEqualTo(Submissions.studentName("韩梅梅")).isEqualTo("李雷");
        assertThat(Submissions.studentName("Ольга")).isEqualTo("Ольга");
        // A spreadsheet reads a cell that starts with = + - @ as a formula; a dot hides a file.
        assertThat(Submissions.studentName("=HYPERLINK(\"http://x\")")).isEqualTo("_HYPERLINK__http___x__");
        assertThat(Submissions.studentName("+1-555")).isEqualTo("_1-555");
        assertThat(Submissions.studentName("-2+3")).isEqualTo("2_3");
        assertThat(Submissions.studentName("@ada")).isEqualTo("ada");
        assertThat(Submissions.studentName(".bob")).isEqualTo("bob");
        assertThat(Submissions.studentName("..")).isEqualTo("student");
    }

    @Test
    @DisplayName("a folder whose name starts with a dot is a student's; .git, .DS_Store and the like are nobody's")
    void dotFoldersAreStudents() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("dots"));
        Files.createDirectories(folder.resolve(".bob"));
        Files.createDirectories(folder.resolve(".git"));
        Files.createDirectories(folder.resolve("__MACOSX"));
        Files.writeString(folder.resolve(".DS_Store"), "");
        Files.createDirectories(folder.resolve("李雷"));
        assertThat(Submissions.find(folder, temp.resolve("t"), temp, java.util.List.of()))
                .extracting(Submissions.Submission::student).containsExactly("bob", "李雷");
    }

    @Test
    @DisplayName("usage mistakes are said in one line")
    void usageMistakes() throws IOException {
        Path submissions = Files.createDirectories(temp.resolve("class"));
        assertThatThrownBy(() -> Grade.parse(new String[] {submissions.toString()}))
                .hasMessageContaining("Give the submissions folder and the output folder");
        assertThatThrownBy(() -> Grade.parse(new String[] {submissions.toString(), "out", "--jobs", "zero"}))
                .hasMessageContaining("--jobs needs a whole number above 0, not 'zero'");
        assertThatThrownBy(() -> Grade.parse(new String[] {temp.resolve("nowhere").toString(), "out"}))
                .hasMessageContaining("No folder");
        assertThatThrownBy(() -> Grade.parse(new String[] {submissions.toString(), submissions.resolve("out").toString()}))
                .hasMessageContaining("OUT must not be inside SUBMISSIONS");
        assertThat(Grade.parse(new String[] {submissions.toString(), "out", "--lesson", "2", "--seed", "42"}).seed())
                .isEqualTo(42);
    }
}
