// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson2.hidden;

import chatkit.hidden.ReferenceProcess;
import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatkit.lesson2.ChatLines;
import chatkit.testkit.Background;
import chatkit.lesson2.testkit.ChatUser;
import chatkit.testkit.ConsoleSpy;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import chatkit.lesson2.testkit.TestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole server (steps 1 to 7 together): what the handout's "try it yourself" does, and its robustness. */
@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
@Tag("step-7")
class ServerHiddenTest {

    @RepeatedTest(2)
    @DisplayName("Step 7: a whole chat over the server: join, talk, quit, vanish, join again")
    void aWholeChat(Random random) throws Exception {
        List<String> names = Texts.nicknames(random, 3);
        try (TestServer server = TestServer.start();
             ChatUser a = server.join(names.get(0));
             ChatUser b = server.join(names.get(1));
             ChatUser c = server.join(names.get(2))) {
            String text = Texts.chatLine(random);
            a.say(text);
            assertThat(b.nextChatLine()).isEqualTo(ChatLines.chat(names.get(0), text));
            assertThat(c.nextChatLine()).isEqualTo(ChatLines.chat(names.get(0), text));

            c.say("/quit");
            assertThat(c.nextLineStartingWith("* BYE")).isNotNull();
            assertThat(a.nextLineStartingWith("* LEAVE")).isEqualTo(ChatLines.left(names.get(2)));
            b.leaveWithoutQuit(random.nextBoolean() ? "reset" : "hang up"); // both must end b's chat
            assertThat(a.nextLineStartingWith("* LEAVE")).isEqualTo(ChatLines.left(names.get(1)));
            a.say(text);
            try (ChatUser again = server.join(names.get(2))) {
                assertThat(a.nextLine()).as("Step 7: the nickname of one who left is free again")
                        .isEqualTo(ChatLines.joined(names.get(2)));
            }
        }
    }

    @Test
    @DisplayName("Step 7: a client that connects and never sends holds up nobody")
    void aSilentClientHoldsUpNobody() throws Exception {
        try (TestServer server = TestServer.start();
             TestPeer silent = TestPeer.connectTo(server.port());
             ChatUser alice = server.join("alice");
             ChatUser bob = server.join("bob")) {
            alice.say("anyone there?");

            assertThat(bob.nextChatLine()).isEqualTo("<alice> anyone there?");
            assertThat(silent.readLine()).startsWith(ChatUser.HELLO);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("Step 7: a client that never reads does not slow down the others, and is dropped in the end")
    void aClientThatNeverReadsIsDropped() throws Exception {
        try (TestServer server = TestServer.start();
             ChatUser sleeper = server.join("sleeper");
             ChatUser alice = server.join("alice");
             ChatUser bob = server.join("bob")) {
            String big = "y".repeat(900);
            int most = 40_000; // about 36 MB: more than the sleeper's socket buffers and outbox hold on any system
            int batch = 250;   // bob reads as fast as alice writes: only the sleeper falls behind
            // Alice hears nothing of her own lines: after bob's JOIN, the next line she gets is the
            // sleeper's LEAVE, so the test goes on only until then (after about 10 MB on Linux).
            alice.nextLineStartingWith("* JOIN");
            for (int start = 0; start < most && !alice.peer().hasBytesWaiting(); start += batch) {
                for (int i = start; i < start + batch; i++) {
                    alice.say(i + big);
                }
                for (int i = start; i < start + batch; i++) {
                    String line = bob.nextChatLine();
                    if (!("<alice> " + i + big).equals(line)) {
                        throw new AssertionError("Step 7: bob's line " + i + " while the sleeper does not read was "
                                + (line == null ? "nothing: the connection closed" : line.substring(0, 20) + "..."));
                    }
                }
            }
            assertThat(alice.nextLineStartingWith("* LEAVE")).as("Step 7: the sleeper's connection is closed when its"
                    + " outbox fills up, and it leaves like anyone else").isEqualTo(ChatLines.left("sleeper"));
        }
    }

    /**
     * Each way of coming and going (quit, vanish, hang up before or after the greeting) happens at
     * least 15 times, so a thread or socket left behind on any of them shows. More would only cost
     * time: about 0.1 s per 100 connects in every grading of lesson 2.
     */
    private static final int COMERS = 300;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("Step 7: " + COMERS + " connects and disconnects in a row leave no thread and no socket behind")
    void noLeaks() throws Exception {
        try (TestServer server = TestServer.start()) {
            int threadsBefore = threadCount();
            try (ChatUser first = server.join("first")) {
                first.say("/quit");
                assertThat(first.closedByServer()).isTrue();
            }
            awaitThreads(threadsBefore);
            long filesBefore = openFiles();

            for (int i = 0; i < COMERS; i++) {
                if (i % 10 == 0) {
                    try (ChatUser user = server.join("u" + i)) {
                        if (i % 20 == 0) {
                            user.vanish();
                        } else {
                            user.say("/quit");
                            assertThat(user.closedByServer()).isTrue();
                        }
                    }
                } else {
                    try (TestPeer peer = TestPeer.connectTo(server.port())) {
                        if (i % 3 == 0) {
                            peer.readLine();
                        }
                    }
                }
            }

            awaitThreads(threadsBefore);
            if (filesBefore >= 0) {
                await().atMost(Duration.ofSeconds(10)).pollInSameThread().failFast((ThrowingRunnable) Background::rethrowAnyFailure)
                        .untilAsserted(() -> assertThat(openFiles()).as("Step 7: open files (sockets) of this JVM after"
                                + " %d clients came and went, compared with %d before", COMERS, filesBefore)
                                .isLessThanOrEqualTo(filesBefore + 5));
            }
        }
    }

    @Test
    @DisplayName("Step 7: closing the server says goodbye to everyone, disconnects them and ends every thread")
    void closingEndsEverything() throws Exception {
        TestServer server = TestServer.start();
        int threadsBefore = threadCount();
        List<ChatUser> users = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                users.add(server.join("user" + i));
            }
            server.close();
            server.acceptLoop().await(TestPeer.WAIT);
            for (ChatUser user : users) {
                assertThat(user.nextLineStartingWith("* BYE")).isNotNull();
                assertThat(user.closedByServer()).isTrue();
            }
            awaitThreads(threadsBefore - 1); // the accept loop's thread has ended too
        } finally {
            for (ChatUser user : users) {
                user.close();
            }
        }
    }

    @Test
    @DisplayName("Step 7: users who vanish or send junk: no stack trace on the server's console")
    void nothingOnTheConsole() throws Exception {
        try (ConsoleSpy console = ConsoleSpy.start();
             TestServer server = TestServer.start();
             ChatUser alice = server.join("alice")) {
            for (int i = 0; i < 5; i++) {
                ChatUser user = server.join("v" + i);
                user.peer().sendBytes(new byte[] {(byte) 0xFF, 'x'});
                user.vanish();
            }
            TestPeer.connectTo(server.port()).resetAbruptly();
            for (int i = 0; i < 5; i++) {
                alice.nextLineStartingWith("* LEAVE");
            }

            // A log line of the student's own is fine (a harmless difference); a dumped exception is not.
            List<String> traces = console.text().lines()
                    .filter(line -> line.startsWith("\tat ") || line.matches(".*\\b\\w*(Exception|Error)\\b.*")).toList();
            assertThat(traces).as("Step 7: stack traces the server printed on the real console (catch the"
                    + " exception where the client leaves, and end its thread quietly)").isEmpty();
        }
    }

    @Test
    @DisplayName("Step 7: cross check: the reference console client chats through this server")
    void referenceClientThroughThisServer() throws Exception {
        try (TestServer server = TestServer.start();
             ReferenceProcess client = ReferenceProcess.client(server.port());
             ChatUser dave = server.join("dave")) {
            client.awaitOutput("* HELLO");
            client.type("carol");
            client.awaitOutput("* WELCOME carol");
            assertThat(dave.nextLine()).isEqualTo(ChatLines.joined("carol"));

            dave.say("hello carol, ça va? 🙂");
            client.awaitOutput("<dave> hello carol, ça va? 🙂");
            client.type("fine, thanks");
            assertThat(dave.nextChatLine()).isEqualTo("<carol> fine, thanks");

            client.type("/quit");
            client.awaitOutput("* BYE");
            assertThat(client.awaitExit()).as("the reference client's exit code").isZero();
            assertThat(dave.nextLine()).isEqualTo(ChatLines.left("carol"));
        }
    }

    /**
     * Threads that are doing something: every live thread but the idle workers of a thread pool.
     * A server that runs clients on an executor keeps idle workers for a while, by design; what
     * must not stay is a thread still serving a client who left.
     */
    private static int threadCount() {
        return (int) Thread.getAllStackTraces().entrySet().stream().filter(t -> !idlePoolWorker(t.getValue())).count();
    }

    private static boolean idlePoolWorker(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(frame -> frame.getMethodName().equals("getTask")
                && frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                || frame.getMethodName().equals("awaitWork") && frame.getClassName().equals("java.util.concurrent.ForkJoinPool"));
    }

    /** Waits until the JVM has no more threads than {@code expected} (bounded); fails naming the extra ones. */
    private static void awaitThreads(int expected) {
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                    .failFast((ThrowingRunnable) Background::rethrowAnyFailure)
                    .until(() -> threadCount() <= expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<String> names = Thread.getAllStackTraces().entrySet().stream().filter(t -> !idlePoolWorker(t.getValue()))
                    .map(t -> t.getKey().getName()).sorted().toList();
            throw new AssertionError("Step 7: threads still running: " + threadCount() + ", expected at most " + expected
                    + " (does every client's thread end when it leaves?): " + names, e);
        }
    }

    /**
     * Open file descriptors of this JVM, or -1 where the system does not tell: on Windows, and in
     * the grader's sandbox, which has neither the JDK's management extensions nor /proc.
     */
    private static long openFiles() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
                return unix.getOpenFileDescriptorCount();
            }
        } catch (LinkageError e) {
            // no jdk.management module in this JVM
        }
        return -1;
    }
}
