package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests of provided code (nickname rules), without sockets: they pass from the start. */
@Tag("provided")
class NicknamesTest {

    @Test
    @DisplayName("Provided: letters, digits, _ and -, starting with a letter, up to 16 characters")
    void goodNicknames() {
        assertThat(Nicknames.problem("alice")).isNull();
        assertThat(Nicknames.problem("Bob_2-b")).isNull();
        assertThat(Nicknames.problem("a".repeat(Nicknames.MAX_LENGTH))).isNull();
    }

    @Test
    @DisplayName("Provided: a bad nickname gets a sentence that says what is wrong")
    void badNicknames() {
        assertThat(Nicknames.problem("")).contains("empty");
        assertThat(Nicknames.problem("a".repeat(Nicknames.MAX_LENGTH + 1))).contains("too long");
        assertThat(Nicknames.problem("2pac")).contains("start with a letter");
        assertThat(Nicknames.problem("two words")).contains("no spaces");
        assertThat(Nicknames.problem("*star")).isNotNull();
        assertThat(Nicknames.problem("<bob>")).isNotNull();
        assertThat(Nicknames.problem("zoë")).as("letters a-z only: the protocol stays ASCII-safe").isNotNull();
    }
}
