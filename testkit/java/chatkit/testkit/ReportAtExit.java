package chatkit.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Prints the progress report as the very last thing {@code ../mvnw test} shows, after Maven's
 * own lines ("BUILD FAILURE", "[Help 1]", ...), so it is what a student reads on the screen.
 *
 * Why a second program: the report is made by {@link ProgressReport} inside the test JVM, and
 * Maven prints 25 to 70 lines of its own after that JVM ends. Nothing in Maven runs after those
 * lines but the shutdown hooks of Maven's own JVM. So each lesson's pom.xml runs this class inside
 * Maven's JVM (exec-maven-plugin, goal "java") just before the tests, and it leaves a hook there
 * that prints {@code target/progress.txt} when Maven exits - only if the tests wrote it again in
 * the meantime, so a run whose tests never started shows no old report.
 *
 * Usage (from a pom.xml): {@code chatkit.testkit.ReportAtExit <report file>}.
 */
public final class ReportAtExit implements Runnable {

    /**
     * Maven's JVM holds one hook for every lesson of the build (a build from the top folder runs
     * three): each entry is "file TAB what it looked like before the tests" on a line of its own.
     */
    static final String REPORTS = "chatkit.reportsAtExit";

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ReportAtExit <report file>");
        }
        expect(Paths.get(args[0]).toAbsolutePath());
    }

    /** Remembers {@code report} as it is now; at exit, prints it if it has changed since. */
    static void expect(Path report) {
        String before = System.getProperty(REPORTS);
        if (before == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(systemThreads(), new ReportAtExit(), "progress report"));
            before = "";
        }
        System.setProperty(REPORTS, before + entry(report));
    }

    /** The hook: prints every report the tests wrote after {@link #expect} saw it. */
    @Override
    public void run() {
        System.out.print(changed(System.getProperty(REPORTS, "")));
        System.out.flush();
    }

    /** How {@link #expect} remembers {@code report}: its path and its {@link #stamp}, on a line. */
    public static String entry(Path report) {
        return report + "\t" + stamp(report) + "\n";
    }

    /**
     * The text of each report in {@code entries} that has changed since its entry was made, each
     * after an empty line. It uses nothing but the JDK (no string "+" either, which makes a class
     * on first use): by the time Maven exits, the class loader this class came from may be closed.
     */
    public static String changed(String entries) {
        StringBuilder out = new StringBuilder();
        for (String entry : entries.split("\n")) {
            int tab = entry.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            Path report = Paths.get(entry.substring(0, tab));
            if (!stamp(report).equals(entry.substring(tab + 1))) {
                try {
                    out.append(System.lineSeparator()).append(Files.readString(report, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // Deleted meanwhile: there is nothing to show.
                }
            }
        }
        return out.toString();
    }

    /** When the file was last written, and its size: "-" when there is no file. */
    static String stamp(Path report) {
        try {
            // No string "+" here (see changed()).
            return String.join(" ", String.valueOf(Files.getLastModifiedTime(report).toMillis()),
                    String.valueOf(Files.size(report)));
        } catch (IOException e) {
            return "-";
        }
    }

    /**
     * The JVM's top thread group: the hook must not belong to the group of the plugin that ran
     * main(), which may be gone by the time Maven exits.
     */
    private static ThreadGroup systemThreads() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
