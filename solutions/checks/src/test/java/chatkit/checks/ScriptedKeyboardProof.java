// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tests' pretend keyboard answers {@code ready()} as a real keyboard's reader does, so a
 * verdict on code that polls the keyboard is given for the right reason. The real one here is a
 * reader over a pipe, as System.in is a stream the user types into.
 */
class ScriptedKeyboardProof {

    @Test
    @DisplayName("ready() is true only while typed text waits, like a reader over a real input stream")
    void readyLikeARealKeyboard() throws IOException {
        ScriptedKeyboard scripted = new ScriptedKeyboard(new Screen());
        PipedOutputStream userTypes = new PipedOutputStream();
        BufferedReader real = new BufferedReader(new InputStreamReader(new PipedInputStream(userTypes),
                StandardCharsets.UTF_8));
        BufferedReader pretend = scripted.reader();

        assertThat(pretend.ready()).as("nothing typed yet").isEqualTo(real.ready()).isFalse();

        scripted.type("hi");
        userTypes.write("hi\n".getBytes(StandardCharsets.UTF_8));
        assertThat(pretend.ready()).as("a line typed").isEqualTo(real.ready()).isTrue();

        assertThat(pretend.readLine()).isEqualTo(real.readLine()).isEqualTo("hi");
        assertThat(pretend.ready()).as("the typed line read").isEqualTo(real.ready()).isFalse();

        scripted.type("a");
        scripted.type("b");
        userTypes.write("a\nb\n".getBytes(StandardCharsets.UTF_8));
        assertThat(pretend.readLine()).isEqualTo(real.readLine()).isEqualTo("a");
        assertThat(pretend.ready()).as("a second line still waits").isEqualTo(real.ready()).isTrue();
        assertThat(pretend.readLine()).isEqualTo(real.readLine()).isEqualTo("b");

        scripted.endInput();
        userTypes.close();
        assertThat(pretend.ready()).as("after Ctrl-D, before the end is read").isFalse();
        assertThat(pretend.readLine()).isEqualTo(real.readLine()).isNull();
        assertThat(pretend.ready()).as("after the end was read").isFalse();
    }
}
