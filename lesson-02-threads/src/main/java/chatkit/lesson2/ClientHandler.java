package chatkit.lesson2;

import java.io.IOException;

/**
 * One client's conversation with the server, on that client's own thread: it asks for a
 * nickname, then reads the client's lines one by one and acts on each, until the client leaves.
 *
 * <pre>
 *   server: * HELLO Welcome to the chat! Type a nickname and press Enter.
 *   client: alice
 *   server: * WELCOME alice - you are in. 2 online. Type /help for the commands.
 *   client: hi all                       (everyone else gets: &lt;alice&gt; hi all)
 *   client: /quit
 *   server: * BYE Goodbye, alice!        (everyone else gets: * LEAVE alice left the chat)
 * </pre>
 */
public class ClientHandler implements Runnable {

    private final Connection connection;
    private final ClientRegistry registry;
    /** This client's nickname, or null until it has one. */
    private String nickname;

    public ClientHandler(Connection connection, ClientRegistry registry) {
        this.connection = connection;
        this.registry = registry;
    }

    /**
     * The life of one client: hello, nickname, chat, leave. A client that vanishes without
     * /quit (closed window, lost network) makes a read fail with an IOException: for the chat it
     * is just another way of leaving. Provided code: no need to change this.
     */
    @Override
    public void run() {
        try {
            connection.send(ChatLines.hello());
            nickname = registerNickname();
            if (nickname == null) {
                return; // gone before choosing a nickname: nobody to tell
            }
            try {
                chat();
            } catch (IOException e) {
                // vanished in the middle of the chat: leave() below tells the others
            }
            leave();
        } catch (IOException e) {
            // vanished while choosing a nickname: nobody to tell
        } finally {
            connection.close();
        }
    }

    /**
     * Step 4: reads nicknames until one is valid and free, registers the client under it,
     * welcomes it and tells everyone else it joined.
     *
     * @return the nickname, or null if the client left before choosing one
     */
    public String registerNickname() throws IOException {
        // TODO 4: read a line; if Nicknames.problem(line) finds a problem, or registry.add() says
        // the name is taken, send ChatLines.error(...) and read the next line. When add() works,
        // send ChatLines.welcome(...), broadcast ChatLines.joined(...) to the others, return the name.
        // Return null if the client leaves first (readLine() gives null).
        throw new UnsupportedOperationException(
                "TODO 4 not done: ClientHandler.registerNickname() - see README, step 4");
    }

    /**
     * Step 5: reads this client's lines until it leaves: text goes to everyone else, /quit (or
     * exit) says goodbye and ends the chat, other commands go to {@link #runCommand}.
     */
    public void chat() throws IOException {
        // TODO 5: read lines until readLine() gives null. Parse each with ChatCommand.parse(line):
        // QUIT: send ChatLines.bye(...) and return; TEXT: broadcast ChatLines.chat(nickname, text)
        // to the others; anything else: runCommand(command).
        throw new UnsupportedOperationException(
                "TODO 5 not done: ClientHandler.chat() - see README, step 5");
    }

    /** Step 6: answers /list: the nicknames of everyone online, to this client only. */
    public void sendOnlineList() {
        // TODO 6 (2 of 3): send ChatLines.online(...) with every nickname online to this client,
        //         inside synchronized (registry) { ... }: nobody may join or leave in between.
        throw new UnsupportedOperationException(
                "TODO 6 not done: ClientHandler.sendOnlineList() - see README, step 6");
    }

    /** Step 6: answers /msg NAME TEXT: a private message to NAME, and the same line back as a receipt. */
    public void sendPrivate(String to, String text) {
        // TODO 6 (3 of 3): send ChatLines.privateMessage(nickname, to, text) to "to" (registry.sendTo),
        // and the same line back to this client; if "to" is not online, send ChatLines.error(Nicknames.notOnline(to)).
        throw new UnsupportedOperationException(
                "TODO 6 not done: ClientHandler.sendPrivate() - see README, step 6");
    }

    /** Step 7: the client has gone: take it off the list and tell everyone else. */
    public void leave() {
        // TODO 7: remove this client from the registry and broadcast ChatLines.left(nickname).
        throw new UnsupportedOperationException(
                "TODO 7 not done: ClientHandler.leave() - see README, step 7");
    }

    /** Every command but text and /quit. Provided code: no need to change this. */
    private void runCommand(ChatCommand command) {
        switch (command.kind()) {
            case LIST -> sendOnlineList();
            case MSG -> sendPrivate(command.name(), command.text());
            case NICK -> rename(command.name());
            case HELP -> connection.send(ChatLines.info(ChatCommand.HELP));
            case WRONG -> connection.send(ChatLines.error(command.text()));
            default -> {
                // an empty line: nothing to say
            }
        }
    }

    /**
     * /nick NAME: the new name is taken before the old one is given up, so the client is never
     * off the list (it may briefly be on it twice). Provided code: no need to change this.
     */
    private void rename(String newName) {
        String problem = Nicknames.problem(newName);
        if (problem != null) {
            connection.send(ChatLines.error(problem));
        } else if (newName.equals(nickname)) {
            connection.send(ChatLines.info("You are " + nickname + " already."));
        } else if (!registry.add(newName, connection)) {
            connection.send(ChatLines.error(Nicknames.taken(newName)));
        } else {
            registry.remove(nickname);
            String notice = ChatLines.renamed(nickname, newName);
            nickname = newName;
            connection.send(notice);
            registry.broadcast(notice, connection);
        }
    }
}
