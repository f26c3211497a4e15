package chatkit.lesson1;

/**
 * How a conversation ended. {@link Conversation#run} returns one of these, and the program
 * prints its message.
 *
 * Provided code: no need to change this.
 */
public enum Ending {
    /** You typed exit (or closed the keyboard input with Ctrl-D / Ctrl-Z). */
    YOU_LEFT("You left the chat. Bye!"),
    /** Your friend typed exit. */
    FRIEND_LEFT("Your friend left the chat. Bye!"),
    /** The connection closed without an exit line: your friend's program ended or crashed. */
    FRIEND_HUNG_UP("Your friend hung up without saying exit. The chat is over.");

    private final String message;

    Ending(String message) {
        this.message = message;
    }

    /** What to tell the user. */
    public String message() {
        return message;
    }
}
