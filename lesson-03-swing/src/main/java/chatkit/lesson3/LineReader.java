package chatkit.lesson3;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads one line of text, however the bytes arrived.
 *
 * TCP delivers a stream of bytes, not messages: one read may return half a line, or three lines
 * at once. So we read character by character until the end-of-line character {@code '\n'}.
 * A {@code '\r'} just before it is dropped, so Windows tools that send "\r\n" work too.
 *
 * A line longer than {@link #MAX_LINE_LENGTH} characters is cut: we keep the start, skip the rest
 * up to the next {@code '\n'} and add {@link #CUT_NOTE}, so a huge line can neither use up the
 * memory nor end the chat.
 *
 * Provided code: no need to change this.
 */
public class LineReader {

    /** The longest line we keep, in characters. Longer lines are cut to this length. */
    public static final int MAX_LINE_LENGTH = 1000;

    /** Added to a line that was cut. */
    public static final String CUT_NOTE = " [cut: longer than " + MAX_LINE_LENGTH + " characters]";

    private LineReader() {
    }

    /**
     * Reads up to the next {@code '\n'} and returns the line without it, or {@code null} when the
     * other side has closed the connection and nothing is left to read.
     */
    public static String readLine(Reader in) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        boolean sawAnything = false;
        int c;
        while ((c = in.read()) != -1) {
            sawAnything = true;
            if (c == '\n') {
                return finish(line, cut);
            }
            if (line.length() < MAX_LINE_LENGTH) {
                line.append((char) c);
            } else if (c != '\r') {
                cut = true;
            }
        }
        // End of the stream: a last line without '\n' still counts.
        return sawAnything ? finish(line, cut) : null;
    }

    private static String finish(StringBuilder line, boolean cut) {
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
            line.setLength(last);
        }
        if (cut) {
            // Never leave half of a two-char symbol (an emoji, say) at the cut.
            if (line.length() > 0 && Character.isHighSurrogate(line.charAt(line.length() - 1))) {
                line.setLength(line.length() - 1);
            }
            line.append(CUT_NOTE);
        }
        return line.toString();
    }
}
