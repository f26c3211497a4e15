// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson1.hidden;

import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import chatkit.lesson1.ConsoleChatClient;
import chatkit.lesson1.ConsoleChatServer;
import chatkit.lesson1.Ending;
import chatkit.lesson1.LineReader;
import chatkit.testkit.Background;
import chatkit.testkit.ConsoleSpy;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole programs through run(args, keyboard, screen, errors), with seeded conversations. */
@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
class ConsoleChatHiddenTest {

    private static final Pattern PORT = Pattern.compile("port (\\d+)");

    private static Background<Integer> server(ScriptedKeyboard keyboard, Screen screen, Screen errors) {
        return Background.start("server", () -> ConsoleChatServer.run(new String[] {"--port", "0"}, keyboard.reader(),
                screen.writer(), errors.writer()));
    }

    private static int portOf(Screen serverScreen) {
        serverScreen.awaitText("port ");
        Matcher matcher = PORT.matcher(serverScreen.text());
        assertThat(matcher.find()).as("the server should print the port it listens on").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @RepeatedTest(3)
    @Tag("step-8")
    @DisplayName("Step 8: server and client chat for a random number of turns; either leaves; both end cleanly")
    void randomChatBetweenTheTwoPrograms(Random random) throws Exception {
        try (ConsoleSpy realConsole = ConsoleSpy.start()) {
            randomChat(random);
            assertThat(realConsole.text()).as("Step 8: what the programs printed to the real System.out or System.err")
                    .isEmpty();
        }
    }

    private void randomChat(Random random) throws Exception {
        Screen serverScreen = new Screen();
        Screen clientScreen = new Screen();
        Screen errors = new Screen();
        ScriptedKeyboard serverKeys = new ScriptedKeyboard(serverScreen);
        ScriptedKeyboard clientKeys = new ScriptedKeyboard(clientScreen);
        Background<Integer> server = server(serverKeys, serverScreen, errors);
        int port = portOf(serverScreen);
        Background<Integer> client = Background.start("client", () -> ConsoleChatClient.run(
                new String[] {"--host", "127.0.0.1", "--port", String.valueOf(port)}, clientKeys.reader(),
                clientScreen.writer(), errors.writer()));

        // The client speaks first; turns alternate; a random side says exit after a random number of lines.
        int lines = 1 + random.nextInt(6);
        boolean clientLeaves = random.nextBoolean();
        List<String> fromClient = new ArrayList<>();
        List<String> fromServer = new ArrayList<>();
        boolean clientsTurn = true;
        for (int i = 0; i < lines || clientsTurn != clientLeaves; i++) {
            String line = Texts.anyLine(random);
            (clientsTurn ? fromClient : fromServer).add(line);
            (clientsTurn ? clientKeys : serverKeys).type(line);
            (clientsTurn ? serverScreen : clientScreen).awaitText(line); // wait for the turn to pass
            clientsTurn = !clientsTurn;
        }
        (clientsTurn ? clientKeys : serverKeys).type(Texts.exitWord(random));

        assertThat(client.await(TestPeer.WAIT)).as("Step 8: the client's exit code").isZero();
        assertThat(server.await(TestPeer.WAIT)).as("Step 8: the server's exit code").isZero();
        assertThat(Texts.shownInOrder(serverScreen.text(), fromClient))
                .as("Step 8: the client's lines %s on the server's screen, in order", fromClient).isTrue();
        assertThat(Texts.shownInOrder(clientScreen.text(), fromServer))
                .as("Step 8: the server's lines %s on the client's screen, in order", fromServer).isTrue();
        assertThat(serverScreen.text()).as("Step 8: the server's screen")
                .contains(clientLeaves ? Ending.FRIEND_LEFT.message() : Ending.YOU_LEFT.message());
        assertThat(clientScreen.text()).as("Step 8: the client's screen")
                .contains(clientLeaves ? Ending.YOU_LEFT.message() : Ending.FRIEND_LEFT.message());
        assertThat(errors.text()).as("Step 8: error output").isEmpty();
        assertThatCode(() -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress()).close())
                .as("Step 8: port %d is free again after the chat", port).doesNotThrowAnyException();
    }

    @RepeatedTest(2)
    @Tag("step-8") // the whole server program: it needs every step, so it grades the last one
    @DisplayName("Step 8: an over-long line and bytes that are not UTF-8 reach the server's screen, and the chat goes on")
    void badInputDoesNotEndTheChat(Random random) throws Exception {
        Screen screen = new Screen();
        Screen errors = new Screen();
        ScriptedKeyboard keys = new ScriptedKeyboard(screen);
        Background<Integer> server = server(keys, screen, errors);

        try (TestPeer client = TestPeer.connectTo(portOf(screen))) {
            client.sendLine("y".repeat(LineReader.MAX_LINE_LENGTH + 1 + random.nextInt(5000)));
            screen.awaitText(LineReader.CUT_NOTE);
            keys.type("got it");
            assertThat(client.readLine()).as("Step 8: the server's reply after the long line").isEqualTo("got it");

            ByteArrayOutputStream bad = new ByteArrayOutputStream();
            String word = Texts.chatLine(random);
            bad.writeBytes(word.getBytes(StandardCharsets.UTF_8));
            bad.write(0xC0); // a byte never valid in UTF-8
            bad.write('\n');
            client.sendBytes(bad.toByteArray());
            screen.awaitText(word + "\uFFFD");
            keys.type("still here");
            assertThat(client.readLine()).as("Step 8: the server's reply after the bad bytes").isEqualTo("still here");

            client.sendLine("exit");
            assertThat(server.await(TestPeer.WAIT)).as("Step 8: the server's exit code").isZero();
        }
        assertThat(errors.text()).as("Step 8: error output").isEmpty();
    }

    @RepeatedTest(2)
    @Tag("step-8") // the whole client program: it needs every step, so it grades the last one
    @DisplayName("Step 8: a server that vanishes mid-chat ends the client with a one-line message, no stack trace")
    void serverVanishesMidChat(Random random, RepetitionInfo repetition) throws Exception {
        try (ServerSocket testServer = TestPeer.listenOnAnyPort()) {
            Screen screen = new Screen();
            Screen errors = new Screen();
            String first = Texts.chatLine(random);
            Background<Integer> client = Background.start("client", () -> ConsoleChatClient.run(
                    new String[] {"--port", String.valueOf(testServer.getLocalPort())},
                    ScriptedKeyboard.typing(first, "second", "third"), screen.writer(), errors.writer()));

            try (ConsoleSpy realConsole = ConsoleSpy.start(); TestPeer serverSide = TestPeer.acceptFrom(testServer)) {
                assertThat(serverSide.readLine()).as("Step 8: the client's first line").isEqualTo(first);
                if (repetition.getCurrentRepetition() == 1) { // one reset, one normal close: both, every run
                    serverSide.resetAbruptly();
                } else {
                    serverSide.close();
                }

                assertThat(client.await(TestPeer.WAIT)).as("Step 8: the client's exit code").isIn(0, 1);
                String all = screen.text() + errors.text() + realConsole.text();
                assertThat(all).as("Step 8: what the client printed").doesNotContain("\tat ").doesNotContain("Exception in");
            }
            assertThat(errors.text().lines().count()).as("Step 8: lines of error output").isLessThanOrEqualTo(1);
        }
    }

    @RepeatedTest(2)
    @Tag("step-1")
    @DisplayName("Step 1: a port in use is reported in one line with exit code 1, whichever port it is")
    void portInUse(Random random) throws Exception {
        try (ServerSocket other = TestPeer.listenOnAnyPort()) {
            Screen out = new Screen();
            Screen err = new Screen();
            PrintWriter errors = err.writer();

            String port = String.valueOf(other.getLocalPort());
            String[] args = random.nextBoolean() ? new String[] {port} : new String[] {"--port", port};

            int exitCode = ConsoleChatServer.run(args, ScriptedKeyboard.typing(), out.writer(), errors);

            assertThat(exitCode).as("Step 1: exit code").isEqualTo(1);
            assertThat(err.text()).as("Step 1: error output").contains(String.valueOf(other.getLocalPort()))
                    .doesNotContain("\tat ");
        }
    }
}
