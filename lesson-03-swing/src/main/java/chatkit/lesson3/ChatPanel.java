package chatkit.lesson3;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JTextPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;
import javax.swing.text.BadLocationException;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;

/**
 * The chat window's contents: a connect form at the top, the conversation in the middle, who is
 * online on the right, the line you type and a status line at the bottom. It draws the
 * {@link ChatModel} and hands what you do to the {@link ChatSession}.
 *
 * Every component has a name ({@code setName}), so tests can find it: host, port, nickname,
 * connect, formError, conversation, online, input, send, privateTo, disconnect, status.
 *
 * Runs on the event dispatch thread only: build it there, as {@link ChatWindow} does.
 * Provided code: no need to change this.
 */
public class ChatPanel extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final Color NOTICE = new Color(0x5f6368);
    private static final Color PRIVATE = new Color(0x7b1fa2);
    private static final Color ERROR = new Color(0xc62828);

    private final transient ChatModel model;
    private transient ChatSession session;

    private final JTextField host = named(new JTextField("127.0.0.1", 12), "host");
    private final JTextField port = named(new JTextField("5000", 5), "port");
    private final JTextField nickname = named(new JTextField(10), "nickname");
    private final JButton connect = named(new JButton("Connect"), "connect");
    private final JLabel formError = named(new JLabel(" "), "formError");
    private final JTextPane conversation = named(new JTextPane(), "conversation");
    private final DefaultListModel<String> onlineNames = new DefaultListModel<>();
    private final JList<String> online = named(new JList<>(onlineNames), "online");
    private final JTextField input = named(new JTextField(), "input");
    private final JButton send = named(new JButton("Send"), "send");
    private final JButton privateTo = named(new JButton("Private to selected"), "privateTo");
    private final JButton disconnect = named(new JButton("Disconnect"), "disconnect");
    private final JLabel status = named(new JLabel(" "), "status");
    private int linesShown;
    private ChatModel.Status shownStatus = ChatModel.Status.DISCONNECTED;
    private boolean refreshing;
    private boolean refreshAgain;

    /** A panel showing {@code model}; call on the event dispatch thread. */
    public ChatPanel(ChatModel model, String defaultHost, int defaultPort) {
        super(new BorderLayout(6, 6));
        this.model = model;
        host.setText(defaultHost);
        port.setText(String.valueOf(defaultPort));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));

        JPanel form = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        form.add(new JLabel("Host"));
        form.add(host);
        form.add(new JLabel("Port"));
        form.add(port);
        form.add(new JLabel("Nickname"));
        form.add(nickname);
        // The button says "Try nickname" after a refused nickname: sized for that from the start,
        // so the row never grows wider than the window and Disconnect never wraps out of sight.
        connect.setText("Try nickname");
        connect.setPreferredSize(connect.getPreferredSize());
        connect.setText("Connect");
        form.add(connect);
        form.add(disconnect);
        formError.setForeground(ERROR);
        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
        top.add(form);
        JPanel errorRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        errorRow.add(formError);
        top.add(errorRow);
        add(top, BorderLayout.NORTH);

        conversation.setEditable(false);
        JScrollPane conversationScroll = new JScrollPane(conversation);
        conversationScroll.setPreferredSize(new Dimension(480, 300));
        add(conversationScroll, BorderLayout.CENTER);

        online.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        JScrollPane onlineScroll = new JScrollPane(online);
        onlineScroll.setPreferredSize(new Dimension(140, 300));
        onlineScroll.setBorder(BorderFactory.createTitledBorder("Online"));
        add(onlineScroll, BorderLayout.EAST);

        JPanel typing = new JPanel(new BorderLayout(6, 0));
        typing.add(input, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(send);
        buttons.add(privateTo);
        typing.add(buttons, BorderLayout.EAST);
        JPanel bottom = new JPanel(new BorderLayout(0, 4));
        bottom.add(typing, BorderLayout.NORTH);
        bottom.add(status, BorderLayout.SOUTH);
        add(bottom, BorderLayout.SOUTH);

        connect.addActionListener(e -> connectPressed());
        nickname.addActionListener(e -> connectPressed());
        input.addActionListener(e -> sendPressed());
        send.addActionListener(e -> sendPressed());
        privateTo.addActionListener(e -> privatePressed());
        disconnect.addActionListener(e -> disconnectPressed());
        model.addListener(this::refresh);
        refresh();
    }

    /** What is wrong with the form, in one sentence, or null if it is fine. */
    static String formProblem(String hostText, String portText, String nicknameText) {
        if (hostText.isBlank()) {
            return "Type the server's address, for example 127.0.0.1.";
        }
        int number;
        try {
            number = Integer.parseInt(portText.strip());
        } catch (NumberFormatException e) {
            return "The port must be a number from 1 to 65535.";
        }
        if (number < 1 || number > 65535) {
            return "The port must be a number from 1 to 65535.";
        }
        if (!nicknameText.matches("[A-Za-z][A-Za-z0-9_-]{0,15}")) {
            return "A nickname is 1 to 16 letters, digits, _ or -, starting with a letter.";
        }
        return null;
    }

    private void connectPressed() {
        String problem = formProblem(host.getText(), port.getText(), nickname.getText());
        if (problem != null) {
            formError.setText(problem);
            return;
        }
        formError.setText(" ");
        String name = nickname.getText();
        if (model.status() == ChatModel.Status.CONNECTING && session != null && session.isOpen()) {
            session.sendNickname(name); // connected, but the nickname was refused: try the new one
            return;
        }
        String hostName = host.getText().strip();
        int portNumber = Integer.parseInt(port.getText().strip());
        if (conversation.getDocument().getLength() > 0) {
            // Connecting again: a line between the old conversation and the new one.
            showText("---- connecting again to " + hostName + " port " + portNumber + " ----", notice());
        }
        ChatSession next = new ChatSession(model);
        session = next;
        model.connecting(hostName, portNumber);
        // Connecting may take seconds: do it on a worker thread, never on the event thread.
        new SwingWorker<Void, Void>() {
            @Override
            protected Void doInBackground() throws Exception {
                next.connect(hostName, portNumber);
                return null;
            }

            @Override
            protected void done() { // back on the event thread
                try {
                    get();
                    next.startReader();
                    next.sendNickname(name);
                } catch (ExecutionException e) {
                    model.disconnected(cannotConnect(hostName, portNumber, e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private static String cannotConnect(String hostName, int portNumber, Throwable cause) {
        if (cause instanceof ConnectException) {
            return "Could not connect to " + hostName + " port " + portNumber + " - is the server running?";
        }
        if (cause instanceof UnknownHostException) {
            return "Unknown host '" + hostName + "' - check the spelling, or use 127.0.0.1.";
        }
        if (cause instanceof SocketTimeoutException) {
            return "No answer from " + hostName + " port " + portNumber + " - check the address and the network.";
        }
        return "Could not connect to " + hostName + " port " + portNumber + ": " + cause.getMessage();
    }

    private void sendPressed() {
        String text = input.getText();
        if (text.isBlank() || session == null || model.status() != ChatModel.Status.CONNECTED) {
            return;
        }
        session.send(text);
        input.setText("");
        formError.setText(" ");
        input.requestFocusInWindow(); // after a click on Send, typing goes on in the message field
    }

    private void privatePressed() {
        String to = online.getSelectedValue();
        String text = input.getText();
        if (to == null) {
            formError.setText("Select someone in the Online list first.");
            return;
        }
        if (text.isBlank() || session == null || model.status() != ChatModel.Status.CONNECTED) {
            return;
        }
        session.sendPrivate(to, text);
        input.setText("");
        formError.setText(" ");
        input.requestFocusInWindow();
    }

    private void disconnectPressed() {
        if (session != null) {
            session.close();
        }
        model.disconnected("Disconnected. Press Connect to join again.");
    }

    /**
     * Draws the model: called after every change of it. Safe when a change comes while it draws
     * (sending /list below may change the model again): it then draws once more, afterwards.
     */
    private void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        try {
            do {
                refreshAgain = false;
                draw();
            } while (refreshAgain);
        } finally {
            refreshing = false;
        }
    }

    private void draw() {
        ChatModel.Status now = model.status();
        if (now != shownStatus) {
            // One message at a time: a new status replaces the form's last complaint.
            formError.setText(" ");
        }
        boolean justConnected = now == ChatModel.Status.CONNECTED && shownStatus != ChatModel.Status.CONNECTED;
        shownStatus = now;
        boolean connected = now == ChatModel.Status.CONNECTED;
        boolean connecting = now == ChatModel.Status.CONNECTING;
        host.setEnabled(now == ChatModel.Status.DISCONNECTED);
        port.setEnabled(now == ChatModel.Status.DISCONNECTED);
        nickname.setEnabled(!connected);
        connect.setEnabled(!connected);
        connect.setText(connecting ? "Try nickname" : "Connect");
        disconnect.setEnabled(connected || connecting);
        input.setEnabled(connected);
        send.setEnabled(connected);
        privateTo.setEnabled(connected);
        // Connected: always under your current nickname (a /nick renames you after the welcome).
        status.setText(connected && !model.me().isEmpty() ? "Connected as " + model.me() + "." : model.statusText());
        if (connected && !model.me().isEmpty() && !nickname.getText().equals(model.me())) {
            nickname.setText(model.me()); // renamed with /nick: the form follows
        }
        if (justConnected) {
            input.requestFocusInWindow(); // welcomed: typing goes to the message field
        }

        List<String> names = model.online();
        if (!names.equals(java.util.Collections.list(onlineNames.elements()))) {
            String selected = online.getSelectedValue();
            onlineNames.clear();
            names.forEach(onlineNames::addElement);
            online.setSelectedValue(selected, false);
        }

        List<ServerLine> lines = model.conversation();
        int from = linesShown;
        linesShown = lines.size(); // before sending below, which may add lines (and draw again)
        boolean welcomed = false;
        for (int i = from; i < lines.size(); i++) {
            ServerLine line = lines.get(i);
            if (line.kind() == ServerLine.Kind.HELLO) {
                continue; // "type a nickname": the form has sent it already
            }
            show(line);
            if (!connected && line.kind() == ServerLine.Kind.ERROR) {
                formError.setText(line.text()); // a refused nickname, say: shown at the form
            }
            welcomed |= line.kind() == ServerLine.Kind.WELCOME;
        }
        if (welcomed && session != null) {
            session.send("/list"); // fill the Online list
        }
    }

    /** Adds one line to the conversation: chat plain, private in colour, notices grey, errors red. */
    private void show(ServerLine line) {
        SimpleAttributeSet style = new SimpleAttributeSet();
        String text;
        switch (line.kind()) {
            case CHAT -> text = line.from() + ": " + line.text();
            case PRIVATE -> {
                text = "(private) " + line.from() + " to " + line.to() + ": " + line.text();
                StyleConstants.setForeground(style, PRIVATE);
                StyleConstants.setItalic(style, true);
            }
            case ERROR -> {
                text = "! " + line.text();
                StyleConstants.setForeground(style, ERROR);
            }
            case OTHER -> text = line.text();
            case ONLINE -> {
                text = "* online: " + String.join(", ", line.names());
                StyleConstants.setForeground(style, NOTICE);
            }
            case WELCOME -> {
                text = "* Welcome, " + line.name() + "! You are in.";
                StyleConstants.setForeground(style, NOTICE);
            }
            case NICK -> {
                text = "* " + line.names().get(0) + " is now known as " + line.names().get(1);
                StyleConstants.setForeground(style, NOTICE);
            }
            default -> {
                text = "* " + line.text();
                StyleConstants.setForeground(style, NOTICE);
            }
        }
        showText(text, style);
    }

    private static SimpleAttributeSet notice() {
        SimpleAttributeSet style = new SimpleAttributeSet();
        StyleConstants.setForeground(style, NOTICE);
        return style;
    }

    /** Appends one line to the conversation and scrolls to it. */
    private void showText(String text, SimpleAttributeSet style) {
        StyledDocument document = conversation.getStyledDocument();
        try {
            document.insertString(document.getLength(), text + "\n", style);
        } catch (BadLocationException e) {
            throw new IllegalStateException("appending at the end is always possible", e);
        }
        conversation.setCaretPosition(document.getLength());
    }

    private static <T extends java.awt.Component> T named(T component, String name) {
        component.setName(name);
        return component;
    }
}
