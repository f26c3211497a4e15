package chatkit.lesson1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests of provided code (what the chat prints of your friend's lines), without sockets: they pass from the start. */
@Tag("provided")
class SafeTextTest {

    @Test
    @DisplayName("Provided: terminal codes and invisible direction marks in a friend's line are replaced before printing")
    void terminalCodesAreReplaced() {
        String sneaky = "hi\r\u001b[2J\u009b31m\u007f\u2028\u2029\u200e\u200f\u061c\u202egnp.exe\u2066\ufeffend";

        assertThat(SafeText.clean(sneaky))
                .isEqualTo("hi\uFFFD\uFFFD[2J\uFFFD31m\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDgnp.exe\uFFFD\uFFFDend");
    }

    @Test
    @DisplayName("Provided: letters of every script, accents, emoji and tabs are printed as they are")
    void textStaysAsItIs() {
        String text = "héllo\tñ 你好 שלום مرحبا 🙂 👩\u200d💻 🇫🇷";

        assertThat(SafeText.clean(text)).isEqualTo(text);
    }
}
