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
 */
public record ServerLine(Kind kind, String from, String to, List<String> names, String text) {

    /** What a line is. WELCOME, JOIN and LEAVE name one nickname, NICK two, ONLINE any number. */
    public enum Kind { CHAT, PRIVATE, HELLO, WELCOME, JOIN, LEAVE, NICK, ONLINE, ERROR, INFO, BYE, OTHER }

    /**
     * Step 1: reads one line from the server.
     */
    public static ServerLine parse(String line) {
        // TODO 1: a line starting with "<" is CHAT, with "[" PRIVATE, with "* " a notice whose
        //         keyword (the word after "* ") is its Kind; anything else is OTHER. Build the
        //         result with chat(), privateMessage(), notice() and other() below.
        throw new UnsupportedOperationException(
                "TODO 1 not done: ServerLine.parse() - see README, step 1");
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
