// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson1.hidden;

import java.util.List;
import java.util.Random;

/** Random chat lines from many scripts: accents, Greek, Cyrillic, CJK, Hebrew, emoji. */
final class Texts {

    private static final String[] PIECES = {
        "a", "b", "z", "Q", "0", "7", " ", " ", ",", "!", "?", "'", "\"", "\\", "%s", "{}", "<b>",
        "é", "è", "à", "ü", "ö", "ß", "ç", "ñ", "ø", "Å", "œ",
        "λ", "Ω", "π", "ж", "Я", "щ", "你", "好", "世", "界", "日本", "한", "ש", "ל", "ו", "م", "ر",
        "🙂", "🎉", "👍🏽", "𝄞", "✓", "€", "—", "…", "\t"
    };

    private Texts() {
    }

    /** A line of up to {@code maxPieces} random pieces; never contains '\n' or '\r'. */
    static String line(Random random, int maxPieces) {
        StringBuilder line = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            line.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return line.toString();
    }

    /** A line that is certainly not exit: usually chat text, now and then an empty line. */
    static String anyLine(Random random) {
        return random.nextInt(6) == 0 ? "" : chatLine(random);
    }

    /** A non-empty line that is certainly not exit. */
    static String chatLine(Random random) {
        return "m" + random.nextInt(1000) + " " + line(random, 12);
    }

    /** Every line of {@code lines}, in this order, somewhere on {@code screen} (trivially true for none). */
    static boolean shownInOrder(String screen, List<String> lines) {
        int from = 0;
        for (String line : lines) {
            int at = screen.indexOf(line, from);
            if (at < 0) {
                return false;
            }
            from = at + line.length();
        }
        return true;
    }

    /** "exit" in a random mix of upper and lower case, with random spaces around it. */
    static String exitWord(Random random) {
        StringBuilder word = new StringBuilder(" ".repeat(random.nextInt(3)));
        for (char c : "exit".toCharArray()) {
            word.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return word.append(random.nextBoolean() ? "\t" : " ".repeat(random.nextInt(3))).toString();
    }
}
