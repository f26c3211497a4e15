package chatkit.lesson1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The chat itself: the two sides take turns, one line each, until one of them says exit.
 */
public class Conversation {

    private final LineConnection friend;
    private final BufferedReader keyboard;
    private final PrintWriter screen;

    /** Provided code: no need to change this. */
    public Conversation(LineConnection friend, BufferedReader keyboard, PrintWriter screen) {
        this.friend = friend;
        this.keyboard = keyboard;
        this.screen = screen;
    }

    /**
     * Step 7: takes turns until someone leaves, and says how the chat ended.
     *
     * @param youSpeakFirst true for the client (it speaks first), false for the server
     */
    public Ending run(boolean youSpeakFirst) throws IOException {
        // TODO 7: loop, taking turns:
        //   your turn:    showPrompt(), read a line from keyboard (null means exit), send it to
        //                 friend; if it is exit, return Ending.YOU_LEFT.
        //   friend's turn: receive a line from friend; null means FRIEND_HUNG_UP, exit means
        //                 FRIEND_LEFT; otherwise showFriendLine(line).
        throw new UnsupportedOperationException(
                "TODO 7 not done: Conversation.run() - see README, step 7");
    }

    /** Asks you to type. Provided code: no need to change this. */
    private void showPrompt() {
        screen.print("you> ");
        screen.flush();
    }

    /**
     * Shows a line your friend sent, made safe first: no terminal code in it can clear or redraw
     * your screen (see SafeText). Provided code: no need to change this.
     */
    private void showFriendLine(String line) {
        screen.println("friend> " + SafeText.clean(line));
        screen.flush();
    }
}
