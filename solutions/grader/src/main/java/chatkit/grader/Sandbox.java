// @kit:instructor-only
package chatkit.grader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a test JVM runs on Linux: a bubblewrap sandbox ({@code bwrap}), so that a hand-in can
 * neither forge its results nor touch anything of the grader's, the kit's or a classmate's.
 *
 * Inside, the JVM sees the system's programs and libraries, the JDK and, read-only, only the
 * class path entries and files it is given; it can write nowhere (so it cannot write native code
 * to load either); it has no /proc (so it cannot read or write its own memory there); it has a
 * network of its own with only the loopback; and a seccomp filter refuses the system calls that
 * read or write another process's memory or take its files (ptrace, process_vm_readv/writev,
 * pidfd_getfd), so a program it starts cannot reach into the JVM. Everything it starts lives in
 * a process namespace of its own and ends with it: nothing survives the test JVM.
 */
final class Sandbox {

    /** The program. */
    static final String BWRAP = "bwrap";

    /** Where the results socket appears inside the sandbox. */
    static final String SOCKET_INSIDE = "/run/chatkit/results.sock";

    /** The folder the JVM works in, inside: empty, and read-only like everything else. */
    static final String HOME_INSIDE = "/home/tests";

    /** The seccomp program, written once per grading run (bwrap reads it from a file descriptor). */
    private final Path seccompFilter;

    private Sandbox(Path seccompFilter) {
        this.seccompFilter = seccompFilter;
    }

    /** A sandbox whose seccomp program is written in {@code folder}. */
    static Sandbox create(Path folder) throws IOException {
        Path filter = folder.resolve("seccomp.bpf");
        Files.write(filter, seccompProgram());
        return new Sandbox(filter);
    }

    /**
     * Why this machine cannot sandbox test JVMs, or empty if it can: bwrap is installed and may
     * make the namespaces it needs (run as {@code user}, or as the grader's user when null).
     */
    static Optional<String> problem(String user) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.of("the sandbox needs Linux (bubblewrap); this is " + System.getProperty("os.name"));
        }
        List<String> command = new ArrayList<>();
        if (user != null) {
            command.addAll(List.of("runuser", "-u", user, "--"));
        }
        command.addAll(List.of(BWRAP, "--ro-bind", "/", "/", "--unshare-all", "--unshare-user", "--disable-userns",
                "--die-with-parent", "true"));
        try {
            Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
            check.getOutputStream().close();
            String output = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!check.waitFor(20, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return Optional.of("bwrap did not answer within 20 s");
            }
            return check.exitValue() == 0 ? Optional.empty()
                    : Optional.of("bwrap could not make a sandbox here ("
                            + (output.isBlank() ? "exit code " + check.exitValue() : output.strip()) + ")");
        } catch (IOException e) {
            return Optional.of("bwrap (bubblewrap) is not installed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * The command that runs {@code command} (whose program is {@code javaHome}'s java) in the
     * sandbox, with {@code readable} bound read-only at their own paths and {@code socket} at
     * {@link #SOCKET_INSIDE}. It goes through {@code sh} only to open the seccomp file as fd 3.
     */
    List<String> wrap(List<String> command, Path javaHome, Collection<Path> readable, Path socket) {
        List<String> bwrap = new ArrayList<>(List.of(BWRAP,
                "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", HOME_INSIDE,
                "--setenv", "LANG", "C.UTF-8",
                // With no /proc, the java launcher cannot find its own libraries through it.
                "--setenv", "LD_LIBRARY_PATH", javaHome.resolve("lib") + ":" + javaHome.resolve("lib/server")));
        for (String system : List.of("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt")) {
            Path path = Paths.get(system);
            if (Files.isSymbolicLink(path)) {
                bwrap.addAll(List.of("--symlink", readLink(path), system));
            } else if (Files.isDirectory(path)) {
                bwrap.addAll(List.of("--ro-bind", system, system));
            }
        }
        // /dev and /tmp first: the binds below may lie under /tmp (the grader's temp folder).
        bwrap.addAll(List.of("--dev", "/dev", "--tmpfs", "/tmp"));
        List<Path> binds = new ArrayList<>();
        binds.add(javaHome);
        binds.addAll(readable);
        for (Path path : binds) {
            Path real = realPath(path);
            if (Files.exists(real)) {
                bwrap.addAll(List.of("--ro-bind", real.toString(), path.toString()));
            }
        }
        bwrap.addAll(List.of("--remount-ro", "/dev", "--remount-ro", "/tmp",
                "--dir", HOME_INSIDE, "--chdir", HOME_INSIDE,
                "--ro-bind", socket.toString(), SOCKET_INSIDE,
                "--remount-ro", "/",
                "--seccomp", "3"));
        bwrap.addAll(command);
        return shell(bwrap);
    }

    /** {@code sh -c 'exec "$@" 3<FILTER' FILTER bwrap ARGS...}: bwrap with the filter open as fd 3. */
    private List<String> shell(List<String> bwrap) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" 3<\"$0\"", seccompFilter.toString()));
        command.addAll(bwrap);
        return command;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return link.toString();
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    // The seccomp program: classic BPF, as the kernel reads it (struct sock_filter, 8 bytes each).
    private static final int LD_W_ABS = 0x20;
    private static final int JEQ_K = 0x15;
    private static final int JGE_K = 0x35;
    private static final int RET_K = 0x06;
    private static final int ALLOW = 0x7fff0000;
    private static final int EPERM = 0x00050000 | 1;
    private static final int ARCH_X86_64 = 0xC000003E;
    private static final int ARCH_AARCH64 = 0xC00000B7;
    private static final int X32_BIT = 0x40000000;

    /**
     * Refuses (EPERM) ptrace, process_vm_readv, process_vm_writev and pidfd_getfd, on x86-64 and
     * aarch64; refuses every call of another ABI (32-bit calls, x32) so none goes round it.
     */
    static byte[] seccompProgram() {
        int[] x86 = {101, 310, 311, 438};
        int[] arm = {117, 270, 271, 438};
        List<int[]> program = new ArrayList<>();
        // 0: the architecture
        program.add(new int[] {LD_W_ABS, 0, 0, 4});
        // 1: x86-64? go on at 3; else 2
        program.add(new int[] {JEQ_K, 1, 0, ARCH_X86_64});
        // 2: aarch64? go on at the arm block; else deny. (Jumps count from the next instruction.)
        int armBlock = 3 + 2 + x86.length + 1; // after the x86 block (load, x32 check, calls, allow)
        int deny = armBlock + 1 + arm.length + 1; // after the arm block (load, calls, allow)
        program.add(new int[] {JEQ_K, armBlock - 3, deny - 3, ARCH_AARCH64});
        // 3: x86-64 block
        program.add(new int[] {LD_W_ABS, 0, 0, 0});
        program.add(new int[] {JGE_K, deny - 5, 0, X32_BIT});
        for (int call : x86) {
            program.add(new int[] {JEQ_K, deny - program.size() - 1, 0, call});
        }
        program.add(new int[] {RET_K, 0, 0, ALLOW});
        // arm block
        program.add(new int[] {LD_W_ABS, 0, 0, 0});
        for (int call : arm) {
            program.add(new int[] {JEQ_K, deny - program.size() - 1, 0, call});
        }
        program.add(new int[] {RET_K, 0, 0, ALLOW});
        program.add(new int[] {RET_K, 0, 0, EPERM});
        if (program.size() != deny + 1) {
            throw new IllegalStateException("seccomp program miscounted");
        }
        ByteBuffer bytes = ByteBuffer.allocate(program.size() * 8).order(ByteOrder.nativeOrder());
        for (int[] instruction : program) {
            bytes.putShort((short) instruction[0]).put((byte) instruction[1]).put((byte) instruction[2])
                    .putInt(instruction[3]);
        }
        return bytes.array();
    }
}
