package chatkit.lesson1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import chatkit.testkit.Background;
import chatkit.testkit.ConsoleSpy;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.io.BufferedReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Step 8: the whole programs, server and client, chatting with each other as they do for real
 * (each on its own thread, with a pretend keyboard and screen).
 */
@ExtendWith(StepMessages.class)
@Tag("step-8")
class ConsoleChatTest {

    private static final Pattern PORT = Pattern.compile("port (\\d+)");

    /** A program started with {@code run(args, keyboard, screen, errors)}, and what it printed. */
    private record Program(Background<Integer> exitCode, Screen screen, Screen errors) {
    }

    private static Program startServer(BufferedReader keyboard) {
        Screen screen = new Screen();
        Screen errors = new Screen();
        return new Program(Background.start("server",
                () -> ConsoleChatServer.run(new String[] {"--port", "0"}, keyboard, screen.writer(), errors.writer())),
                screen, errors);
    }

    private static Program startClient(int port, BufferedReader keyboard) {
        Screen screen = new Screen();
        Screen errors = new Screen();
        return new Program(Background.start("client",
                () -> ConsoleChatClient.run(new String[] {"--port", String.valueOf(port)}, keyboard, screen.writer(),
                        errors.writer())),
                screen, errors);
    }

    /** The port the server says it listens on (it was started with --port 0). */
    private static int portOf(Program server) {
        server.screen().awaitText("port ");
        Matcher matcher = PORT.matcher(server.screen().text());
        assertThat(matcher.find()).as("the server should print the port it listens on").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    @DisplayName("Step 8: a whole chat: the client speaks first, then leaves; both programs end with code 0")
    void clientLeaves() throws Exception {
        try (ConsoleSpy realConsole = ConsoleSpy.start()) {
            chatWhereTheClientLeaves();
            assertThat(realConsole.text()).as("Step 8: what the programs printed to the real System.out or System.err"
                    + " (print only to the screen and errors writers you are given)").isEmpty();
        }
    }

    private void chatWhereTheClientLeaves() throws Exception {
        Program server = startServer(ScriptedKeyboard.typing("hello, how are you?"));
        int port = portOf(server);
        Program client = startClient(port, ScriptedKeyboard.typing("hi!", "exit"));

        assertThat(client.exitCode().await(TestPeer.WAIT)).as("Step 8: the client's exit code").isZero();
        assertThat(server.exitCode().await(TestPeer.WAIT)).as("Step 8: the server's exit code").isZero();

        assertThat(server.screen().text()).as("Step 8: the server's screen")
                .contains("hi!").contains(Ending.FRIEND_LEFT.message());
        assertThat(client.screen().text()).as("Step 8: the client's screen")
                .contains("hello, how are you?").contains(Ending.YOU_LEFT.message());
        assertThat(server.errors().text() + client.errors().text()).as("Step 8: error output of both").isEmpty();
    }

    @Test
    @DisplayName("Step 8: the server can leave too, and the client says so")
    void serverLeaves() throws Exception {
        Program server = startServer(ScriptedKeyboard.typing("sorry, must go", "Exit"));
        int port = portOf(server);
        Program client = startClient(port, ScriptedKeyboard.typing("hi!", "are you there?", "hello?"));

        assertThat(server.exitCode().await(TestPeer.WAIT)).as("Step 8: the server's exit code").isZero();
        assertThat(client.exitCode().await(TestPeer.WAIT)).as("Step 8: the client's exit code").isZero();

        assertThat(client.screen().text()).as("Step 8: the client's screen")
                .contains("sorry, must go").contains(Ending.FRIEND_LEFT.message());
        assertThat(server.screen().text()).as("Step 8: the server's screen")
                .containsSubsequence("hi!", "are you there?").contains(Ending.YOU_LEFT.message());
    }

    @Test
    @DisplayName("Step 8: after the chat the server has closed everything: its port is free again")
    void serverClosesEverything() throws Exception {
        Program server = startServer(ScriptedKeyboard.typing());
        int port = portOf(server);

        try (TestPeer client = TestPeer.connectTo(port)) {
            client.sendLine("exit");
            assertThat(server.exitCode().await(TestPeer.WAIT)).as("Step 8: the server's exit code").isZero();
            assertThat(client.closedByOtherSide())
                    .as("Step 8: the server should close the friend's connection when the chat ends").isTrue();
        }
        assertThatCode(() -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress()).close())
                .as("Step 8: listening on port %d again after the server ended", port)
                .doesNotThrowAnyException();
    }
}
