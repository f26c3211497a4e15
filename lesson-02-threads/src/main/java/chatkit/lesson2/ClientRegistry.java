package chatkit.lesson2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is online: every registered client's nickname and connection. All the client threads
 * share this one object, at the same time: make every method {@code synchronized} (step 2), so
 * only one thread at a time is inside, and each sees what the one before it did.
 */
public class ClientRegistry {

    private final Map<String, Connection> clients = new HashMap<>();

    /**
     * Step 2: adds a client under {@code nickname}, unless somebody already has that nickname.
     *
     * @return true if the client was added, false if the nickname was taken
     */
    public boolean add(String nickname, Connection connection) {
        // TODO 2 (1 of 3): if nobody has nickname yet, remember connection under it and return true;
        // otherwise return false. Make every method of this class synchronized: many threads call them.
        throw new UnsupportedOperationException(
                "TODO 2 not done: ClientRegistry.add() - see README, step 2");
    }

    /** Step 2: removes the client called {@code nickname} (nothing happens if there is none). */
    public void remove(String nickname) {
        // TODO 2 (2 of 3): forget the client called nickname.
        throw new UnsupportedOperationException(
                "TODO 2 not done: ClientRegistry.remove() - see README, step 2");
    }

    /** Step 2: the nicknames online now, in any order: a copy, safe to use after the lock is gone. */
    public List<String> nicknames() {
        // TODO 2 (3 of 3): return a new list with every nickname online.
        throw new UnsupportedOperationException(
                "TODO 2 not done: ClientRegistry.nicknames() - see README, step 2");
    }

    /** Step 3: sends {@code line} to every client except {@code sender}. */
    public void broadcast(String line, Connection sender) {
        // TODO 3: send line to every client in the registry except the sender.
        throw new UnsupportedOperationException(
                "TODO 3 not done: ClientRegistry.broadcast() - see README, step 3");
    }

    /**
     * Step 6: sends {@code line} to the client called {@code nickname} only.
     *
     * @return true if that client is online, false if nobody has that nickname
     */
    public boolean sendTo(String nickname, String line) {
        // TODO 6 (1 of 3): send line to the client called nickname and return true, or return
        // false if nobody has that nickname.
        throw new UnsupportedOperationException(
                "TODO 6 not done: ClientRegistry.sendTo() - see README, step 6");
    }
}
