package chatkit.lesson3;

import java.awt.EventQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the chat window shows, kept apart from the window itself: the connection's status, your
 * nickname, who is online, and the conversation so far. The window ({@link ChatPanel}) only
 * draws this model; the network ({@link ChatSession}) only changes it.
 *
 * The rule of Swing: everything the window shows is touched on the event dispatch thread only.
 * So is this model: every method checks it, and fails at once when it is called from another
 * thread (that is how the tests, and you, find such a mistake).
 *
 * Reference solution: the starter file with TODO 2 done.
 */
public class ChatModel {

    /** Where the connection stands. */
    public enum Status { DISCONNECTED, CONNECTING, CONNECTED }

    private final List<Runnable> listeners = new ArrayList<>();
    private final List<ServerLine> conversation = new ArrayList<>();
    private final TreeSet<String> online = new TreeSet<>();
    private Status status = Status.DISCONNECTED;
    private String statusText = "Not connected.";
    private String me = "";

    /**
     * Step 2: takes in one line from the server: it joins the conversation, and a notice
     * updates who is online (and your nickname, when the server welcomes or renames you).
     */
    public void apply(ServerLine line) {
        requireEventThread();
        conversation.add(line);
        switch (line.kind()) {
            case WELCOME -> {
                me = line.name();
                online.add(me);
                setStatus(Status.CONNECTED, "Connected as " + me + ".");
            }
            case JOIN -> online.add(line.name());
            case LEAVE -> online.remove(line.name());
            case NICK -> {
                String oldName = line.names().get(0);
                String newName = line.names().get(1);
                online.remove(oldName);
                online.add(newName);
                if (oldName.equals(me)) {
                    me = newName;
                }
            }
            case ONLINE -> {
                online.clear();
                online.addAll(line.names());
            }
            default -> {
                // chat lines, private messages and other notices only join the conversation
            }
        }
        changed();
    }

    /** The connection is being made. Provided code: no need to change this. */
    public void connecting(String host, int port) {
        requireEventThread();
        status = Status.CONNECTING;
        statusText = "Connecting to " + host + " port " + port + "...";
        changed();
    }

    /**
     * The connection is gone (closed by the server, broken, or never made): nobody is online
     * any more. Provided code: no need to change this.
     */
    public void disconnected(String why) {
        requireEventThread();
        status = Status.DISCONNECTED;
        statusText = why;
        online.clear();
        me = "";
        changed();
    }

    /** Sets the status; the view shows {@code text} in its status line. Provided code. */
    public void setStatus(Status newStatus, String text) {
        requireEventThread();
        status = newStatus;
        statusText = text;
        changed();
    }

    public Status status() {
        requireEventThread();
        return status;
    }

    /** The status line, in words: "Connected as alice.", "Could not connect ...". */
    public String statusText() {
        requireEventThread();
        return statusText;
    }

    /** Your nickname, once the server has welcomed you; "" before. */
    public String me() {
        requireEventThread();
        return me;
    }

    /** Who is online, in alphabetical order (a copy). */
    public List<String> online() {
        requireEventThread();
        return new ArrayList<>(online);
    }

    /** Every line so far, oldest first (a copy). */
    public List<ServerLine> conversation() {
        requireEventThread();
        return new ArrayList<>(conversation);
    }

    /** {@code listener} runs (on the event thread) after every change. Provided code. */
    public void addListener(Runnable listener) {
        requireEventThread();
        listeners.add(listener);
    }

    /** Tells every listener that the model changed. Provided code: no need to change this. */
    protected void changed() {
        for (Runnable listener : new ArrayList<>(listeners)) {
            listener.run();
        }
    }

    /** Fails at once when called off the event dispatch thread. Provided code: no need to change this. */
    protected static void requireEventThread() {
        if (!EventQueue.isDispatchThread()) {
            throw new IllegalStateException("ChatModel used on thread \"" + Thread.currentThread().getName()
                    + "\", not on the event dispatch thread: hand the work over with SwingUtilities.invokeLater(...)");
        }
    }
}
