// @kit:instructor-only
package chatkit.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the instructor guide says of the sandbox, shown: a shell run in it (as the test JVM is)
 * can write nowhere, has no /proc, cannot reach the grader's loopback, and may not use the system
 * calls that reach into another process. (That nothing it starts outlives it, and that its files
 * stay its own, the sample class shows with the samples sid and oscar.)
 */
class SandboxTest {

    @TempDir
    static Path temp;
    static Sandbox sandbox;
    static Path readable;
    static Path socket;

    @BeforeAll
    static void makeOne() throws IOException {
        Assumptions.assumeTrue(Sandbox.problem(null).isEmpty(), () -> "no sandbox here: " + Sandbox.problem(null).get());
        sandbox = Sandbox.create(temp);
        readable = Files.createDirectories(temp.resolve("classes"));
        Files.writeString(readable.resolve("A.class"), "not really");
        socket = Files.writeString(temp.resolve("results.sock"), "");
    }

    /** Runs a shell script in the sandbox; its output (both streams). */
    private static String inSandbox(String script) throws IOException, InterruptedException {
        Path javaHome = Paths.get(System.getProperty("java.home"));
        List<String> command = sandbox.wrap(new ArrayList<>(List.of("sh", "-c", script)), javaHome, List.of(readable),
                socket);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the sandboxed shell ended").isTrue();
        return output.strip();
    }

    @Test
    @DisplayName("it can read what it is given, and write nowhere: not there, not in /tmp, not at home, not in /dev/shm")
    void writesNowhere() throws Exception {
        String output = inSandbox("cat " + readable.resolve("A.class") + "; echo; for d in " + readable
                + " /tmp $HOME /dev/shm / /run/chatkit; do (echo x > $d/x) 2>/dev/null && echo \"wrote in $d\";"
                + " done; echo done");
        assertThat(output).startsWith("not really").endsWith("done").doesNotContain("wrote in");
        assertThat(Files.list(readable).map(p -> p.getFileName().toString())).containsExactly("A.class");
    }

    @Test
    @DisplayName("it has no /proc: no way to its own memory, its files or other processes")
    void hasNoProc() throws Exception {
        assertThat(inSandbox("ls -A /proc 2>/dev/null | wc -l; (cat /proc/self/maps >/dev/null) 2>/dev/null || echo no-maps"))
                .isEqualTo("0\nno-maps");
    }

    @Test
    @DisplayName("it has a network of its own: the grader's loopback is out of reach")
    void cannotReachTheGradersLoopback() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Paths.get("/bin/bash")) || Files.isExecutable(Paths.get("/usr/bin/bash")));
        try (ServerSocket grader = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String output = inSandbox("bash -c 'echo hi > /dev/tcp/127.0.0.1/" + grader.getLocalPort()
                    + "' 2>/dev/null && echo reached || echo refused");
            assertThat(output).isEqualTo("refused");
        }
    }

    @Test
    @DisplayName("ptrace, process_vm_readv/writev and pidfd_getfd are refused (seccomp), other calls are not")
    void systemCallsIntoOtherProcessesAreRefused() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Paths.get("/usr/bin/perl")), "perl calls the system calls");
        Assumptions.assumeTrue(System.getProperty("os.arch").matches("amd64|x86_64"), "the numbers are x86-64's");
        // ptrace(PTRACE_TRACEME) and friends; getpid (39) as the control: allowed.
        String script = "perl -e 'for my $n (101, 310, 311, 438, 39) { my $r = syscall($n, 0, 0, 0, 0, 0);"
                + " print \"$n:\", ($r == -1 && $!{EPERM} ? \"refused\" : \"allowed\"), \"\\n\" }'";
        assertThat(inSandbox(script)).isEqualTo("101:refused\n310:refused\n311:refused\n438:refused\n39:allowed");
    }
}
