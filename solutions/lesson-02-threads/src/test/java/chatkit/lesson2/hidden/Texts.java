// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson2.hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random inputs for the hidden tests: chat text in many scripts, nicknames good and bad. */
final class Texts {

    private static final String[] PIECES = {
        "a", "b", "z", "Q", "0", "7", " ", " ", ",", "!", "?", "'", "\"", "\\", "%s", "{}", "<b>", "* ", "[x]",
        "é", "è", "à", "ü", "ö", "ß", "ç", "ñ", "ø", "Å", "œ",
        "λ", "Ω", "π", "ж", "Я", "щ", "你", "好", "世", "界", "日本", "한", "ש", "ל", "ו", "م", "ر",
        "🙂", "🎉", "👍🏽", "𝄞", "✓", "€", "—", "…"
    };

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String NAME_CHARS = LETTERS + "0123456789_-";

    private Texts() {
    }

    /** A chat line that is text (never a command, never blank), in many scripts. */
    static String chatLine(Random random) {
        StringBuilder line = new StringBuilder("m" + random.nextInt(1000));
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            line.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return line.toString();
    }

    /** A valid nickname of 1 to 16 characters, different for each call of one test (a counter inside). */
    static String nickname(Random random, int index) {
        String suffix = "" + index;
        int length = 1 + random.nextInt(16 - suffix.length());
        StringBuilder name = new StringBuilder().append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        while (name.length() < length) {
            name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return name.append(suffix).toString();
    }

    /** {@code count} different valid nicknames. */
    static List<String> nicknames(Random random, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(nickname(random, i));
        }
        return names;
    }

    /** A nickname the rules refuse: a space, a bad character, a digit first, too long, or empty. */
    static String badNickname(Random random) {
        String good = nickname(random, 0);
        return switch (random.nextInt(6)) {
            case 0 -> good + " " + good;
            case 1 -> "*" + good;
            case 2 -> random.nextInt(10) + good;
            case 3 -> good + "x".repeat(17);
            case 4 -> "";
            default -> good + "é";
        };
    }
}
