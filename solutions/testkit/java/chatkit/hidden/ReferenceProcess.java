// @kit:instructor-only hidden-test helper - never copy into the student edition
package chatkit.hidden;

import chatkit.testkit.Background;
import chatkit.testkit.TestPeer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lesson 2's reference server or console client, run as a process of its own. Lesson 2's cross
 * checks pair it with the student's code (in one JVM the two could not live side by side: their
 * classes have the same names), and lesson 3's window is tested against the real server.
 *
 * The reference's classes are found through {@code -Dchatkit.lesson2.classes=DIR}, which the
 * reference builds, the instructor's checks and the grader set (solutions/LESSON/lesson.properties).
 */
public final class ReferenceProcess implements AutoCloseable {

    /** The system property that names the folder of lesson 2's compiled reference. */
    public static final String CLASSES_PROPERTY = "chatkit.lesson2.classes";

    private static final Pattern PORT = Pattern.compile("listening on \\S+ port (\\d+)");

    private final Process process;
    private final Writer stdin;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ReferenceProcess(String mainClass, String... args) throws IOException {
        String classes = System.getProperty(CLASSES_PROPERTY, "");
        Path dir = Paths.get(classes);
        if (classes.isBlank() || !Files.isDirectory(dir.resolve("chatkit/lesson2"))) {
            throw new IllegalStateException("these tests need lesson 2's reference classes: set -D" + CLASSES_PROPERTY
                    + "=solutions/lesson-02-threads/target/classes (now: '" + classes + "')");
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Dstdout.encoding=UTF-8", "-Dstdin.encoding=UTF-8", "-cp", dir.toString(), mainClass));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "reference-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** The reference server on 127.0.0.1 and a free port (ask {@link #port()} which). */
    public static ReferenceProcess server() throws IOException {
        return server(0);
    }

    /** The reference server on 127.0.0.1 and {@code port} (0: a free one). */
    public static ReferenceProcess server(int port) throws IOException {
        return new ReferenceProcess("chatkit.lesson2.ChatServer", "--port", String.valueOf(port));
    }

    /** The reference console client, connected to {@code port}. */
    public static ReferenceProcess client(int port) throws IOException {
        return new ReferenceProcess("chatkit.lesson2.ChatClient", "--port", String.valueOf(port));
    }

    /** The port the reference server printed that it listens on (waits for that line, bounded). */
    public int port() {
        String line = awaitOutput("listening on");
        Matcher matcher = PORT.matcher(line);
        if (!matcher.find()) {
            throw new AssertionError("the reference server printed no port: " + line);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Types a line on the process's keyboard. */
    public void type(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Waits (bounded; a JVM start is included) until a line containing {@code text} was printed, and returns it. */
    public String awaitOutput(String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10) + TestPeer.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Background.rethrowAnyFailure();
            for (String line : output) {
                if (line.contains(text)) {
                    return line;
                }
            }
            try {
                process.waitFor(20, TimeUnit.MILLISECONDS); // wakes early if the process ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the reference " + (process.isAlive() ? "did not print" : "ended without printing")
                + " a line with \"" + text + "\"; it printed: " + output);
    }

    /** Waits (bounded) for the process to end, and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(TestPeer.WAIT.toMillis() * 2, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the reference was still running; it printed: " + output);
        }
        return process.exitValue();
    }

    public List<String> output() {
        return output;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
