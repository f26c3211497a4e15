// @kit:instructor-only
package chatkit.grader;

import java.util.Arrays;

/** The results file's lines: tab-separated fields, with tabs, line ends and backslashes escaped. */
final class Events {

    private Events() {
    }

    static String escape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (char c : field.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The fields of one line, unescaped. */
    static String[] fields(String line) {
        return Arrays.stream(line.split("\t", -1)).map(Events::unescape).toArray(String[]::new);
    }
}
