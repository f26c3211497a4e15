package chatkit.lesson1;

/**
 * Makes a line from the network safe to print on a terminal. A terminal obeys some characters
 * instead of showing them: ESC starts a code that can clear the screen or move the cursor, a
 * carriage return goes back to the start of the line and writes over it, and invisible Unicode
 * marks can make "gnp.exe" show as "exe.png". Your friend's program could send any of them, so
 * each is replaced by {@link #REPLACEMENT} before it is printed. Tabs stay.
 *
 * Provided code: no need to change this.
 */
public final class SafeText {

    /** What a character that must not reach the screen becomes (the same sign as for bytes that are not UTF-8). */
    public static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /** {@code line} with every character {@link #isUnsafe} names replaced by {@link #REPLACEMENT}. */
    public static String clean(String line) {
        StringBuilder safe = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            safe.append(c != '\t' && isUnsafe(c) ? REPLACEMENT : c);
        }
        return safe.toString();
    }

    /**
     * True for a control character (below U+0020, U+007F to U+009F), a line or paragraph
     * separator (U+2028, U+2029), or an invisible format character (Unicode category Cf: the
     * direction marks and overrides U+200E, U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069,
     * the byte order mark U+FEFF...). The zero-width joiner and non-joiner (U+200D, U+200C) stay:
     * joined emoji (a family, a flag) and some scripts need them.
     */
    static boolean isUnsafe(char c) {
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            return true;
        }
        return Character.getType(c) == Character.FORMAT && c != '\u200C' && c != '\u200D';
    }
}
