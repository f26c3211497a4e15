package chatkit.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.testkit.Locks;
import chatkit.lesson2.testkit.Room;
import chatkit.testkit.Background;
import chatkit.testkit.SocketPair;
import chatkit.testkit.StepMessages;
import chatkit.testkit.Steps;
import chatkit.testkit.TestPeer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Steps 2, 3 and 6 on the registry alone: real connections on this computer, but no server and
 * no handler. The test holds the other end of each connection and reads what your code sent.
 */
@ExtendWith(StepMessages.class)
class ClientRegistryTest {

    private final ClientRegistry registry = new ClientRegistry();
    private final List<SocketPair> pairs = new ArrayList<>();

    /** A client's connection: the server's end for the registry, the test's end to read from. */
    private record Client(Connection connection, TestPeer peer) {
        /** Proof that nothing else was sent before: a marker line sent now is the next one the client reads. */
        String nextLineAfterASentinel() throws IOException {
            connection.send(Room.SENTINEL);
            return peer.readLine();
        }
    }

    private Client newClient() throws IOException {
        SocketPair pair = SocketPair.open();
        pairs.add(pair);
        return new Client(new Connection(pair.yourEnd()), pair.testEnd());
    }

    @AfterEach
    void closeConnections() throws IOException {
        for (SocketPair pair : pairs) {
            pair.close();
        }
    }

    /** True if {@code call}, made while another thread is inside the registry, waits its turn (see {@link Locks}). */
    private boolean waitsForTheLock(Callable<?> call) throws Exception {
        return Locks.waitsForTheLock(registry, call);
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: add() takes a free nickname and refuses a taken one")
    void addRefusesATakenNickname() throws Exception {
        Client alice = newClient();
        Client other = newClient();

        assertThat(registry.add("alice", alice.connection())).as("Step 2: add(\"alice\", ...) on an empty registry")
                .isTrue();
        assertThat(registry.add("alice", other.connection())).as("Step 2: add(\"alice\", ...) when alice is"
                + " already there").isFalse();
        assertThat(registry.nicknames()).as("Step 2: nicknames() after that").containsExactly("alice");
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: nicknames() lists everyone added and not removed")
    void nicknamesFollowAddAndRemove() throws Exception {
        registry.add("alice", newClient().connection());
        registry.add("bob", newClient().connection());
        registry.add("carol", newClient().connection());

        registry.remove("bob");
        registry.remove("nobody"); // not online: nothing happens

        assertThat(registry.nicknames()).as("Step 2: nicknames() after adding alice, bob and carol, then removing bob")
                .containsExactlyInAnyOrder("alice", "carol");
        assertThat(registry.add("bob", newClient().connection())).as("Step 2: add(\"bob\", ...) after bob was removed")
                .isTrue();
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: a list from nicknames() is a copy: it does not change when someone joins later")
    void nicknamesIsACopy() throws Exception {
        registry.add("alice", newClient().connection());
        List<String> before = registry.nicknames();

        registry.add("bob", newClient().connection());

        assertThat(before).as("Step 2: the list nicknames() returned before bob joined (return a new list)")
                .containsExactly("alice");
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: ten clients asking for the same nickname at the same moment: exactly one gets it")
    void oneWinnerForOneNickname() throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            connections.add(newClient().connection());
        }
        for (int round = 1; round <= 20; round++) {
            ClientRegistry fresh = new ClientRegistry();
            List<Boolean> answers = addAllAtOnce(fresh, connections, i -> "sam");

            assertThat(answers).as("Step 2: what add(\"sam\", ...) answered ten threads at the same moment (round %d):"
                    + " exactly one true (check and add under one lock: synchronized)", round)
                    .containsOnlyOnce(true);
            assertThat(fresh.nicknames()).as("Step 2: nicknames() after round %d", round).containsExactly("sam");
        }
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: many clients joining at the same moment are all on the list")
    void manyAtOnceAreAllThere() throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            connections.add(newClient().connection());
        }
        for (int round = 1; round <= 5; round++) {
            ClientRegistry fresh = new ClientRegistry();
            List<String> names;
            try {
                // Eight threads at once, each adding 1,000 different names.
                Background.allAtOnce(connections.size(), thread -> {
                    for (int i = 0; i < 1000; i++) {
                        fresh.add("user" + thread + "_" + i, connections.get(thread));
                    }
                    return true;
                });
                names = fresh.nicknames();
            } catch (RuntimeException | AssertionError broken) {
                if (Steps.unfinishedTodo(broken.getMessage()).isPresent()) {
                    throw broken; // a TODO, not a race: its own message says which
                }
                throw new AssertionError("Step 2: the registry broke while 8 threads added names at the same time,"
                        + " round " + round + " (" + Steps.gist(broken) + "). A HashMap used by many threads at"
                        + " once loses entries or breaks: make the registry's methods synchronized.", broken);
            }

            assertThat(names).as("Step 2: how many nicknames the registry has after 8 threads added"
                    + " 1,000 each at the same time, round %d (a HashMap used by many threads at once loses some, or"
                    + " breaks: make the methods synchronized)", round)
                    .hasSize(8000).doesNotHaveDuplicates();
        }
    }

    @Test
    @Tag("step-2")
    @DisplayName("Step 2: add(), remove() and nicknames() wait while another thread is inside the registry")
    void registryMethodsWaitTheirTurn() throws Exception {
        Client alice = newClient();

        assertThat(waitsForTheLock(() -> registry.add("alice", alice.connection())))
                .as("Step 2: add() while another thread is inside the registry: it must wait its turn (make it"
                        + " synchronized)").isTrue();
        assertThat(waitsForTheLock(registry::nicknames))
                .as("Step 2: nicknames() while another thread is inside the registry: it must wait its turn (make"
                        + " it synchronized)").isTrue();
        assertThat(waitsForTheLock(() -> {
            registry.remove("alice");
            return null;
        })).as("Step 2: remove() while another thread is inside the registry: it must wait its turn (make it"
                + " synchronized)").isTrue();
    }

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: broadcast() reaches every other client, and not the sender")
    void broadcastReachesEveryoneElse() throws Exception {
        Client alice = newClient();
        Client bob = newClient();
        Client carol = newClient();
        registry.add("alice", alice.connection());
        registry.add("bob", bob.connection());
        registry.add("carol", carol.connection());

        registry.broadcast("<alice> hi all", alice.connection());

        assertThat(bob.peer().readLine()).as("Step 3: what bob reads after alice's broadcast").isEqualTo("<alice> hi all");
        assertThat(carol.peer().readLine()).as("Step 3: what carol reads after alice's broadcast")
                .isEqualTo("<alice> hi all");
        assertThat(alice.nextLineAfterASentinel()).as("Step 3: the next line alice reads: her own line must not come"
                + " back to her (skip the sender)").isEqualTo(Room.SENTINEL);
    }

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: broadcast() skips clients who were removed")
    void broadcastSkipsRemovedClients() throws Exception {
        Client alice = newClient();
        Client bob = newClient();
        registry.add("alice", alice.connection());
        registry.add("bob", bob.connection());
        registry.remove("bob");

        registry.broadcast("<alice> anyone?", alice.connection());

        assertThat(bob.nextLineAfterASentinel()).as("Step 3: the next line bob reads after he was removed")
                .isEqualTo(Room.SENTINEL);
    }

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: lines broadcast one after the other arrive in that order")
    void broadcastKeepsTheOrder() throws Exception {
        Client alice = newClient();
        Client bob = newClient();
        registry.add("alice", alice.connection());
        registry.add("bob", bob.connection());

        for (int i = 1; i <= 50; i++) {
            registry.broadcast("<alice> line " + i, alice.connection());
        }

        for (int i = 1; i <= 50; i++) {
            assertThat(bob.peer().readLine()).as("Step 3: line %d of 50 that bob reads", i).isEqualTo("<alice> line " + i);
        }
    }

    @Test
    @Tag("step-3")
    @DisplayName("Step 3: broadcast() waits while another thread is inside the registry")
    void broadcastWaitsItsTurn() throws Exception {
        Client alice = newClient();
        registry.add("alice", alice.connection());

        assertThat(waitsForTheLock(() -> {
            registry.broadcast("hi", null);
            return null;
        })).as("Step 3: broadcast() while another thread is inside the registry: it must wait its turn, or a"
                + " client who joins or leaves meanwhile breaks the loop (make it synchronized)").isTrue();
    }

    @Test
    @Tag("step-6")
    @DisplayName("Step 6: sendTo() reaches only the named client, and says false for a nickname nobody has")
    void sendToReachesOneClient() throws Exception {
        Client alice = newClient();
        Client bob = newClient();
        registry.add("alice", alice.connection());
        registry.add("bob", bob.connection());

        assertThat(registry.sendTo("bob", "[alice -> bob] psst")).as("Step 6: sendTo(\"bob\", ...) while bob is online")
                .isTrue();
        assertThat(registry.sendTo("zoe", "[alice -> zoe] hello?")).as("Step 6: sendTo(\"zoe\", ...) when nobody is"
                + " called zoe").isFalse();

        assertThat(bob.peer().readLine()).as("Step 6: what bob reads").isEqualTo("[alice -> bob] psst");
        assertThat(alice.nextLineAfterASentinel()).as("Step 6: the next line alice reads (sendTo is for bob only)")
                .isEqualTo(Room.SENTINEL);
    }

    /** Calls add() from one thread per connection, all released at the same moment; returns the answers. */
    private static List<Boolean> addAllAtOnce(ClientRegistry registry, List<Connection> connections,
                                              IntFunction<String> name) {
        return Background.allAtOnce(connections.size(), i -> registry.add(name.apply(i), connections.get(i)));
    }

    @Test
    @Tag("step-6")
    @DisplayName("Step 6: sendTo() waits while another thread is inside the registry")
    void sendToWaitsItsTurn() throws Exception {
        Client alice = newClient();
        registry.add("alice", alice.connection());

        assertThat(waitsForTheLock(() -> registry.sendTo("alice", "hi")))
                .as("Step 6: sendTo() while another thread is inside the registry: it must wait its turn, or"
                        + " the client may leave between finding and sending (make it synchronized)").isTrue();
    }
}
