package chatkit.lesson2;

/**
 * What makes a good nickname, and the messages for a bad one.
 *
 * A nickname is 1 to {@value #MAX_LENGTH} characters: letters a-z and A-Z, digits, '_' and '-',
 * starting with a letter. So a nickname never has a space (the protocol splits on spaces), and
 * never a '*', '&lt;' or '[' (the protocol's line starts). Nicknames are compared exactly:
 * "Alice" and "alice" are two people.
 *
 * Provided code: no need to change this.
 */
public final class Nicknames {

    public static final int MAX_LENGTH = 16;

    private Nicknames() {
    }

    /** What is wrong with {@code name} as a nickname, in one sentence; or null if it is fine. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "A nickname cannot be empty. Type one and press Enter.";
        }
        if (name.length() > MAX_LENGTH) {
            return "\"" + ChatLines.clean(name.substring(0, MAX_LENGTH)) + "...\" is too long: at most " + MAX_LENGTH
                    + " characters. Try another:";
        }
        if (!isAsciiLetter(name.charAt(0))) {
            return "\"" + ChatLines.clean(name) + "\" does not start with a letter. Try another:";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return "\"" + ChatLines.clean(name) + "\" has a character that is not allowed: use letters, digits,"
                        + " _ and - only, no spaces. Try another:";
            }
        }
        return null;
    }

    /** The answer when someone else already has {@code name}. */
    public static String taken(String name) {
        return "The nickname " + name + " is taken. Try another:";
    }

    /** The answer to /msg for someone who is not online. */
    public static String notOnline(String name) {
        return "Nobody called " + ChatLines.clean(name) + " is online. /list shows who is.";
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
