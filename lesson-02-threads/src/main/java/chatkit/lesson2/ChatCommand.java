package chatkit.lesson2;

/**
 * One line a client typed, understood: chat text, or one of the commands.
 *
 * <pre>
 *   hi all            TEXT   (text = "hi all")
 *   /nick robert      NICK   (name = "robert")
 *   /list             LIST
 *   /msg bob hello    MSG    (name = "bob", text = "hello")
 *   /help             HELP
 *   /quit  or  exit   QUIT
 *   (an empty line)   EMPTY
 *   /nope, /msg bob   WRONG  (text = what is wrong, to send back as an error)
 * </pre>
 * Command words are not case-sensitive ("/LIST", "Exit"); spaces around a command do not matter.
 *
 * Provided code: no need to change this.
 */
public record ChatCommand(Kind kind, String name, String text) {

    /** What a line asks for. */
    public enum Kind { TEXT, NICK, LIST, MSG, HELP, QUIT, EMPTY, WRONG }

    /** The answer to /help, one line. */
    public static final String HELP = "Commands: /list (who is online), /msg NAME TEXT (private message),"
            + " /nick NAME (change your nickname), /help, /quit (or exit). Anything else goes to everyone.";

    /** Reads one line a client sent. */
    public static ChatCommand parse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return new ChatCommand(Kind.EMPTY, "", "");
        }
        if (trimmed.equalsIgnoreCase("exit")) {
            return new ChatCommand(Kind.QUIT, "", "");
        }
        if (!trimmed.startsWith("/")) {
            return new ChatCommand(Kind.TEXT, "", line);
        }
        String[] parts = trimmed.split(" +", 3);
        String word = parts[0];
        int words = parts.length;
        if (word.equalsIgnoreCase("/quit") && words == 1) {
            return new ChatCommand(Kind.QUIT, "", "");
        }
        if (word.equalsIgnoreCase("/list") && words == 1) {
            return new ChatCommand(Kind.LIST, "", "");
        }
        if (word.equalsIgnoreCase("/help")) {
            return new ChatCommand(Kind.HELP, "", "");
        }
        if (word.equalsIgnoreCase("/nick")) {
            return words == 2 ? new ChatCommand(Kind.NICK, parts[1], "")
                    : wrong("Use /nick NAME, for example /nick robert");
        }
        if (word.equalsIgnoreCase("/msg")) {
            return words == 3 ? new ChatCommand(Kind.MSG, parts[1], parts[2])
                    : wrong("Use /msg NAME TEXT, for example /msg bob see you at 5");
        }
        if (word.equalsIgnoreCase("/quit") || word.equalsIgnoreCase("/list")) {
            return wrong(word + " takes nothing after it.");
        }
        return wrong("Unknown command " + word + ". Type /help for the commands.");
    }

    private static ChatCommand wrong(String problem) {
        return new ChatCommand(Kind.WRONG, "", problem);
    }
}
