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
 *
 * Reference solution: the starter file with TODOs 4, 5, 6 and 7 done.
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
        String name;
        while ((name = connection.readLine()) != null) {
            String problem = Nicknames.problem(name);
            if (problem != null) {
                connection.send(ChatLines.error(problem));
            } else if (!registry.add(name, connection)) {
                connection.send(ChatLines.error(Nicknames.taken(name)));
            } else {
                // Registered first, welcomed second: whoever has seen the welcome gets every
                // line sent after it.
                connection.send(ChatLines.welcome(name, registry.nicknames().size()));
                registry.broadcast(ChatLines.joined(name), connection);
                return name;
            }
        }
        return null;
    }

    /**
     * Step 5: reads this client's lines until it leaves: text goes to everyone else, /quit (or
     * exit) says goodbye and ends the chat, other commands go to {@link #runCommand}.
     */
    public void chat() throws IOException {
        String line;
        while ((line = connection.readLine()) != null) {
            ChatCommand command = ChatCommand.parse(line);
            if (command.kind() == ChatCommand.Kind.QUIT) {
                connection.send(ChatLines.bye("Goodbye, " + nickname + "!"));
                return;
            } else if (command.kind() == ChatCommand.Kind.TEXT) {
                registry.broadcast(ChatLines.chat(nickname, command.text()), connection);
            } else {
                runCommand(command);
            }
        }
    }

    /** Step 6: answers /list: the nicknames of everyone online, to this client only. */
    public void sendOnlineList() {
        // Take the list and queue it under the registry's lock: nobody joins or leaves in between,
        // so this answer never arrives after a JOIN or LEAVE notice that it does not know of yet
        // (a window that keeps its list from both, lesson 3's, stays right).
        synchronized (registry) {
            connection.send(ChatLines.online(registry.nicknames()));
        }
    }

    /** Step 6: answers /msg NAME TEXT: a private message to NAME, and the same line back as a receipt. */
    public void sendPrivate(String to, String text) {
        String line = ChatLines.privateMessage(nickname, to, text);
        if (registry.sendTo(to, line)) {
            connection.send(line);
        } else {
            connection.send(ChatLines.error(Nicknames.notOnline(to)));
        }
    }

    /** Step 7: the client has gone: take it off the list and tell everyone else. */
    public void leave() {
        registry.remove(nickname);
        registry.broadcast(ChatLines.left(nickname), connection);
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
