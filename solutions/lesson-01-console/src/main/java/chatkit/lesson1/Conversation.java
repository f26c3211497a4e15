// @kit:instructor-only reference solution - never copy into the student edition
package chatkit.lesson1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The chat itself: the two sides take turns, one line each, until one of them says exit.
 *
 * Reference solution: the starter file with TODO 7 done.
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
        boolean yourTurn = youSpeakFirst;
        while (true) {
            if (yourTurn) {
                showPrompt();
                String line = keyboard.readLine();
                if (line == null) {
                    // The keyboard input ended (Ctrl-D / Ctrl-Z): leave politely, as with exit.
                    line = ChatProtocol.EXIT_WORD;
                }
                friend.send(line);
                if (ChatProtocol.isExit(line)) {
                    return Ending.YOU_LEFT;
                }
            } else {
                String line = friend.receive();
                if (line == null) {
                    return Ending.FRIEND_HUNG_UP;
                }
                if (ChatProtocol.isExit(line)) {
                    return Ending.FRIEND_LEFT;
                }
                showFriendLine(line);
            }
            yourTurn = !yourTurn;
        }
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
