package chatkit.lesson3;

import java.util.List;

/**
 * One line from the chat server, understood (docs/protocol.md):
 *
 * <pre>
 *   &lt;bob&gt; hi all                      CHAT     from "bob", text "hi all"
 *   [bob -&gt; alice] psst                PRIVATE  from "bob", to "alice", text "psst"
 *   * JOIN carol joined the chat       JOIN     names [carol], text "carol joined the chat"
 *   * NICK bob robert - bob is now ... NICK     names [bob, robert]
 *   * ONLINE alice bob carol           ONLINE   names [alice, bob, carol]
 *   * ERROR The nickname is taken...   ERROR    text "The nickname is taken..."
 *   anything else                      OTHER    text = the whole line
 * </pre>
 * For a notice ("* KEYWORD ..."), {@code text} is everything after the keyword and its space.
 *
 * Reference solution: the starter file with TODO 1 done.
 */
public record ServerLine(Kind kind, String from, String to, List<String> names, String text) {

    /** What a line is. WELCOME, JOIN and LEAVE name one nickname, NICK two, ONLINE any number. */
    public enum Kind { CHAT, PRIVATE, HELLO, WELCOME, JOIN, LEAVE, NICK, ONLINE, ERROR, INFO, BYE, OTHER }

    /**
     * Step 1: reads one line from the server.
     */
    public static ServerLine parse(String line) {
        if (line.startsWith("<")) {
            int end = line.indexOf("> ");
            if (end > 1) {
                return chat(line.substring(1, end), line.substring(end + 2));
            }
        } else if (line.startsWith("[")) {
            int arrow = line.indexOf(" -> ");
            int end = line.indexOf("] ", Math.max(arrow, 0));
            if (arrow > 1 && end > arrow) {
                return privateMessage(line.substring(1, arrow), line.substring(arrow + 4, end), line.substring(end + 2));
            }
        } else if (line.startsWith("* ")) {
            return parseNotice(line.substring(2));
        }
        return other(line);
    }

    /** "KEYWORD rest": the keyword gives the kind, and the kind says how many nicknames follow. */
    private static ServerLine parseNotice(String notice) {
        int space = notice.indexOf(' ');
        String keyword = space < 0 ? notice : notice.substring(0, space);
        String rest = space < 0 ? "" : notice.substring(space + 1);
        Kind kind;
        try {
            kind = Kind.valueOf(keyword);
        } catch (IllegalArgumentException e) {
            return other("* " + notice); // a notice this client does not know yet: show it as it is
        }
        List<String> words = rest.isEmpty() ? List.of() : List.of(rest.split(" "));
        int named = switch (kind) {
            case WELCOME, JOIN, LEAVE -> 1;
            case NICK -> 2;
            case ONLINE -> words.size();
            default -> 0;
        };
        if (kind == Kind.CHAT || kind == Kind.PRIVATE || kind == Kind.OTHER || words.size() < named) {
            return other("* " + notice);
        }
        return notice(kind, words.subList(0, named), rest);
    }

    /** A chat line: {@code from} said {@code text} to everyone. Provided code: no need to change this. */
    public static ServerLine chat(String from, String text) {
        return new ServerLine(Kind.CHAT, from, "", List.of(), text);
    }

    /** A private message. Provided code: no need to change this. */
    public static ServerLine privateMessage(String from, String to, String text) {
        return new ServerLine(Kind.PRIVATE, from, to, List.of(), text);
    }

    /** A server notice: its kind, the nicknames it names, and the rest of its text. Provided code. */
    public static ServerLine notice(Kind kind, List<String> names, String text) {
        return new ServerLine(kind, "", "", List.copyOf(names), text);
    }

    /** A line this client does not know: shown as it is. Provided code: no need to change this. */
    public static ServerLine other(String line) {
        return new ServerLine(Kind.OTHER, "", "", List.of(), line);
    }

    /** The first nickname the line names ("bob" for "* JOIN bob ..."), or "" if none. Provided code. */
    public String name() {
        return names.isEmpty() ? "" : names.get(0);
    }
}
