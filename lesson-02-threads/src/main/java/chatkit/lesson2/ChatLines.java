package chatkit.lesson2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every line the server sends, built in one place: the protocol of docs/protocol.md, as code.
 *
 * Two kinds of lines travel from the server to a client:
 * <pre>
 *   &lt;alice&gt; hi all                 a chat line: who said it, then what they said
 *   [alice -&gt; bob] see you at 5    a private message (the receiver and the sender both get it)
 *   * JOIN carol joined the chat    a server notice: "* ", a KEYWORD in capitals, then details
 * </pre>
 * A notice always starts with "* " and a chat line with "&lt;" or "[": nicknames have no spaces,
 * no brackets and no stars, and the text a user typed always comes after their nickname, so
 * nobody can type a line that looks like a notice or like somebody else's line. Control
 * characters in typed text (a carriage return, the escape code of a terminal colour) and
 * invisible characters that change how text is shown (a right-to-left override) are replaced by
 * {@link #REPLACEMENT}, so they cannot redraw anyone's screen either.
 *
 * Provided code: no need to change this.
 */
public final class ChatLines {

    /** What a control character in typed text becomes (the same sign as for bytes that are not UTF-8). */
    public static final char REPLACEMENT = '\uFFFD';

    private ChatLines() {
    }

    /** The first line on every connection: the server asks for a nickname. */
    public static String hello() {
        return "* HELLO Welcome to the chat! Type a nickname and press Enter.";
    }

    /** You are in, as {@code nickname}; {@code online} people are here now, you included. */
    public static String welcome(String nickname, int online) {
        return "* WELCOME " + nickname + " - you are in. " + online + " online. Type /help for the commands.";
    }

    /** Something the server could not do; the text says what and what to do instead. */
    public static String error(String text) {
        return "* ERROR " + clean(text);
    }

    /** The only line to a client the server cannot take (too many connections, or no thread left), before it hangs up. */
    public static String serverFull() {
        return error("The server is full. Try again later.");
    }

    public static String joined(String nickname) {
        return "* JOIN " + nickname + " joined the chat";
    }

    public static String left(String nickname) {
        return "* LEAVE " + nickname + " left the chat";
    }

    public static String renamed(String oldName, String newName) {
        return "* NICK " + oldName + " " + newName + " - " + oldName + " is now known as " + newName;
    }

    /** The answer to /list: every nickname online, in alphabetical order, separated by spaces. */
    public static String online(List<String> nicknames) {
        List<String> sorted = new ArrayList<>(nicknames);
        Collections.sort(sorted);
        return "* ONLINE " + String.join(" ", sorted);
    }

    /** Information for the user, such as the answer to /help. */
    public static String info(String text) {
        return "* INFO " + clean(text);
    }

    /** The last line before the server closes the connection. */
    public static String bye(String text) {
        return "* BYE " + clean(text);
    }

    /** A chat line: what {@code nickname} said to everyone. */
    public static String chat(String nickname, String text) {
        return "<" + nickname + "> " + clean(text);
    }

    /** A private message from {@code from} to {@code to}. */
    public static String privateMessage(String from, String to, String text) {
        return "[" + from + " -> " + to + "] " + clean(text);
    }

    /** True for a server notice ("* KEYWORD ..."), false for chat lines and private messages. */
    public static boolean isNotice(String line) {
        return line.startsWith("* ");
    }

    /** The keyword of a notice ("JOIN" for "* JOIN bob joined the chat"), or "" if the line is no notice. */
    public static String keyword(String line) {
        if (!isNotice(line)) {
            return "";
        }
        int end = line.indexOf(' ', 2);
        return end < 0 ? line.substring(2) : line.substring(2, end);
    }

    /**
     * Typed text made safe to show: every control character (carriage return, tab, escape, ...)
     * and every invisible character that changes how text is shown (see {@link #isUnsafe})
     * becomes {@link #REPLACEMENT}. Letters, accents and emoji stay as they are.
     */
    public static String clean(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            safe.append(isUnsafe(c) ? REPLACEMENT : c);
        }
        return safe.toString();
    }

    /**
     * True for a character that must not reach a screen as it is: a control character (below
     * U+0020, U+007F to U+009F: the escape of terminal codes, a carriage return that moves back
     * over a line), a line or paragraph separator (U+2028, U+2029: a new line where none was
     * sent), or an invisible format character (Unicode category Cf), such as the direction marks
     * and overrides that make "gnp.exe" show as "exe.png" (U+200E, U+200F, U+061C, U+202A to
     * U+202E, U+2066 to U+2069) and the byte order mark U+FEFF. The zero-width joiner and
     * non-joiner (U+200D, U+200C) stay: joined emoji (a family, a flag) and
     * some scripts need them.
     * Also used by {@link Terminal} for what the client prints.
     */
    static boolean isUnsafe(char c) {
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            return true;
        }
        return Character.getType(c) == Character.FORMAT && c != '\u200C' && c != '\u200D';
    }
}
