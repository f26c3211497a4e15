package chatkit.lesson2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is online: every registered client's nickname and connection. All the client threads
 * share this one object, at the same time, so every method is {@code synchronized}: one thread
 * at a time inside, and each sees what the one before it did.
 *
 * Reference solution: the starter file with TODOs 2, 3 and 6 done.
 */
public class ClientRegistry {

    private final Map<String, Connection> clients = new HashMap<>();

    /**
     * Step 2: adds a client under {@code nickname}, unless somebody already has that nickname.
     *
     * @return true if the client was added, false if the nickname was taken
     */
    public synchronized boolean add(String nickname, Connection connection) {
        // Check and add under one lock: two clients asking for the same name at the same
        // moment cannot both see "free" and both be added.
        if (clients.containsKey(nickname)) {
            return false;
        }
        clients.put(nickname, connection);
        return true;
    }

    /** Step 2: removes the client called {@code nickname} (nothing happens if there is none). */
    public synchronized void remove(String nickname) {
        clients.remove(nickname);
    }

    /** Step 2: the nicknames online now, in any order: a copy, safe to use after the lock is gone. */
    public synchronized List<String> nicknames() {
        return new ArrayList<>(clients.keySet());
    }

    /** Step 3: sends {@code line} to every client except {@code sender}. */
    public synchronized void broadcast(String line, Connection sender) {
        // Holding the lock while we send is cheap (send() only queues the line) and means
        // everyone receives lines in the same order.
        for (Connection client : clients.values()) {
            if (client != sender) {
                client.send(line);
            }
        }
    }

    /**
     * Step 6: sends {@code line} to the client called {@code nickname} only.
     *
     * @return true if that client is online, false if nobody has that nickname
     */
    public synchronized boolean sendTo(String nickname, String line) {
        Connection client = clients.get(nickname);
        if (client == null) {
            return false;
        }
        client.send(line);
        return true;
    }
}
