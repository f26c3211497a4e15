// @kit:instructor-only hidden tests - never copy into the student edition
package chatkit.lesson2.hidden;

import chatkit.hidden.ReferenceProcess;
import chatkit.hidden.Seeded;
import static org.assertj.core.api.Assertions.assertThat;

import chatkit.lesson2.ChatClient;
import chatkit.testkit.Background;
import chatkit.lesson2.testkit.ChatUser;
import chatkit.testkit.Screen;
import chatkit.testkit.ScriptedKeyboard;
import chatkit.testkit.StepMessages;
import chatkit.testkit.TestPeer;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({StepMessages.class, Seeded.class})
@Tag("hidden")
class ClientHiddenTest {

    /** A client connected to a pretend server that the test plays. */
    private record Setup(ChatClient client, TestPeer server, ServerSocket listener) implements AutoCloseable {
        static Setup open() throws Exception {
            ServerSocket listener = TestPeer.listenOnAnyPort();
            ChatClient client = new ChatClient();
            client.connect("127.0.0.1", listener.getLocalPort());
            return new Setup(client, TestPeer.acceptFrom(listener), listener);
        }

        @Override
        public void close() throws Exception {
            client.close();
            server.close();
            listener.close();
        }
    }

    /** The whole client program, run as main would run it, on a keyboard and screens the test holds. */
    private record ClientProgram(Screen out, Screen err, ScriptedKeyboard keyboard, Background<Integer> exitCode)
            implements AutoCloseable {
        static ClientProgram start(int port) {
            Screen out = new Screen();
            Screen err = new Screen();
            ScriptedKeyboard keyboard = new ScriptedKeyboard(out);
            Background<Integer> program = Background.start("client program", () -> ChatClient.run(
                    new String[] {"--port", String.valueOf(port)}, keyboard.reader(), out.writer(), err.writer()));
            return new ClientProgram(out, err, keyboard, program);
        }

        @Override
        public void close() {
            keyboard.endInput(); // the program's keyboard thread ends too
        }
    }

    @RepeatedTest(3)
    @Tag("step-8")
    @DisplayName("Step 8: random lines in many scripts are shown in order, by a thread that is not the caller's")
    void randomLinesShownInOrder(Random random) throws Exception {
        try (Setup setup = Setup.open()) {
            Screen screen = new Screen();
            Thread reader = Background.start("startReader()", () -> setup.client().startReader(screen.writer()))
                    .await(TestPeer.WAIT);
            assertThat(reader.isAlive()).isTrue();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 5 + random.nextInt(20); i++) {
                lines.add("<bob> " + Texts.chatLine(random));
            }

            for (String line : lines) {
                setup.server().sendLine(line);
            }

            screen.awaitText(lines.get(lines.size() - 1));
            assertThat(screen.text().lines().filter(l -> !l.isEmpty()).toList()).containsExactlyElementsOf(lines);
        }
    }

    @Test
    @Tag("step-8")
    @DisplayName("Step 8: a broken connection ends showIncomingLines() quietly")
    void aResetEndsTheReaderQuietly() throws Exception {
        try (Setup setup = Setup.open()) {
            Screen screen = new Screen();
            Background<Void> reading = Background.start("showIncomingLines()", () -> {
                setup.client().showIncomingLines(screen.writer());
                return null;
            });
            setup.server().sendLine("* HELLO hi");
            screen.awaitText("* HELLO hi");

            setup.server().resetAbruptly();

            reading.await(TestPeer.WAIT);
        }
    }

    @RepeatedTest(3)
    @Tag("step-9")
    @DisplayName("Step 9: random typed lines are sent exactly, until a random form of exit or /quit")
    void randomTypingUntilQuit(Random random) throws Exception {
        try (Setup setup = Setup.open()) {
            List<String> typed = new ArrayList<>();
            for (int i = 0; i < random.nextInt(10); i++) {
                typed.add(random.nextInt(5) == 0 ? "/list" : Texts.chatLine(random));
            }
            String quit = random.nextBoolean() ? (random.nextBoolean() ? " eXiT " : "EXIT") : "/quit";
            List<String> keys = new ArrayList<>(typed);
            keys.add(quit);
            keys.add("after " + quit);

            Background.start("typeLines()", () -> {
                setup.client().typeLines(ScriptedKeyboard.typing(keys.toArray(new String[0])));
                return null;
            }).await(TestPeer.WAIT);
            setup.client().close();

            List<String> received = new ArrayList<>();
            String line;
            while ((line = setup.server().readLine()) != null) {
                received.add(line);
            }
            typed.add(quit);
            assertThat(received).as("Step 9: what the server received").containsExactlyElementsOf(typed);
        }
    }

    @Test
    @Tag("step-9")
    @DisplayName("Step 9: the client program chats with a pretend server, and /quit ends it with exit code 0")
    void theClientProgram() throws Exception {
        try (ServerSocket listener = TestPeer.listenOnAnyPort();
             ClientProgram program = ClientProgram.start(listener.getLocalPort());
             TestPeer server = TestPeer.acceptFrom(listener)) {
            server.sendLine("* HELLO Welcome! Nickname?");
            program.out().awaitText("* HELLO Welcome! Nickname?");
            program.keyboard().type("zoë");
            assertThat(server.readLine()).isEqualTo("zoë");
            server.sendLine("* ERROR no");
            program.keyboard().type("zoe");
            assertThat(server.readLine()).isEqualTo("zoe");
            server.sendLine("* WELCOME zoe - hi");
            server.sendLine("<max> hello zoe");
            program.out().awaitText("<max> hello zoe");

            program.keyboard().type("/quit");
            assertThat(server.readLine()).isEqualTo("/quit");
            server.sendLine("* BYE Goodbye, zoe!");
            server.close();

            assertThat(program.exitCode().await(TestPeer.WAIT)).as("Step 9: the client program's exit code").isZero();
            assertThat(program.out().text()).contains("* BYE Goodbye, zoe!");
            assertThat(program.err().text()).isEmpty();
        }
    }

    @Test
    @Tag("step-9")
    @DisplayName("Step 9: when the server vanishes, the client program says so and ends by itself")
    void theServerVanishes() throws Exception {
        try (ServerSocket listener = TestPeer.listenOnAnyPort();
             ClientProgram program = ClientProgram.start(listener.getLocalPort());
             TestPeer server = TestPeer.acceptFrom(listener)) {
            server.sendLine("* HELLO Welcome!");
            program.out().awaitText("* HELLO Welcome!");

            server.resetAbruptly(); // nobody types anything: the program must notice by itself

            assertThat(program.exitCode().await(TestPeer.WAIT)).as("Step 9: the exit code when the server vanished").isZero();
            assertThat(program.out().text()).contains("The server closed the connection");
            assertThat(program.err().text()).isEmpty();
        }
    }

    @Test
    @Tag("step-9")
    @DisplayName("Step 9: cross check: this client chats through the reference server")
    void thisClientThroughTheReferenceServer() throws Exception {
        try (ReferenceProcess reference = ReferenceProcess.server()) {
            int port = reference.port();
            try (ClientProgram program = ClientProgram.start(port)) {
                program.out().awaitText("* HELLO");
                program.keyboard().type("erin");
                program.out().awaitText("* WELCOME erin");
                try (ChatUser frank = ChatUser.join(port, "frank")) {
                    program.out().awaitText("* JOIN frank");
                    frank.say("hi erin, ça va? 🙂");
                    program.out().awaitText("<frank> hi erin, ça va? 🙂");
                    program.keyboard().type("très bien");
                    assertThat(frank.nextChatLine()).isEqualTo("<erin> très bien");
                    program.keyboard().type("/quit");
                    assertThat(program.exitCode().await(TestPeer.WAIT)).isZero();
                    assertThat(program.out().text()).contains("* BYE");
                    assertThat(frank.nextLineStartingWith("* LEAVE")).isEqualTo("* LEAVE erin left the chat");
                }
            }
        }
    }
}
