// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The instructor's scripts all live in solutions/, each a bash script with a Windows twin
 * (NAME.cmd) that does the same: it runs the same Java programs. .gitattributes keeps their line
 * ends right on every checkout (LF for bash, CRLF for cmd), or they break on the other platform.
 */
class ScriptTwinsProof {

    private static final Pattern COMMENT = Pattern.compile("\\s*(#|rem\\b|::)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAIN_CLASS = Pattern.compile("chatkit\\.[a-z0-9.]+\\.[A-Z]\\w+");
    // solutions/chat names its programs as package=chatkit.lesson1; server=ConsoleChatServer; ...
    private static final Pattern PACKAGE_AND_CLASSES =
            Pattern.compile("package=(chatkit\\.\\w+);\\s*server=(\\w+);\\s*client=(\\w+)");

    @Test
    void everyScriptHasATwinThatRunsTheSamePrograms() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path script : scripts()) {
            String name = script.getFileName().toString();
            Path twin = script.resolveSibling(name + ".cmd");
            if (!Files.isRegularFile(twin)) {
                problems.add("solutions/" + name + " has no Windows twin: write solutions/" + name + ".cmd, which does the same");
                continue;
            }
            Set<String> bash = programs(Files.readString(script, StandardCharsets.UTF_8));
            Set<String> cmd = programs(Files.readString(twin, StandardCharsets.UTF_8));
            if (!bash.equals(cmd)) {
                problems.add("solutions/" + name + " runs " + bash + " but solutions/" + name + ".cmd runs " + cmd);
            }
        }
        assertThat(problems).as("the scripts of solutions/ and their .cmd twins").isEmpty();
        assertThat(scripts()).as("the scripts found (a check that finds none proves nothing)").hasSizeGreaterThan(4);
    }

    @Test
    void gitKeepsEachScriptsLineEnds() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path script : scripts()) {
            String name = "solutions/" + script.getFileName();
            expectEol(name, "lf", problems);
            expectEol(name + ".cmd", "crlf", problems);
        }
        expectEol("mvnw", "lf", problems);
        expectEol("mvnw.cmd", "crlf", problems);
        expectEol(".ci/run", "lf", problems);
        assertThat(problems).as("line ends in .gitattributes").isEmpty();
    }

    /** The files of solutions/ that are bash scripts (they start with #!). */
    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(Lesson.kitRoot().resolve("solutions"))) {
            List<Path> scripts = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                if (!file.getFileName().toString().contains(".") && Files.readString(file).startsWith("#!")) {
                    scripts.add(file);
                }
            }
            return scripts;
        }
    }

    /** The Java main classes a script runs (named outside its comments). */
    private static Set<String> programs(String text) {
        String script = text.lines().filter(line -> !COMMENT.matcher(line).lookingAt())
                .collect(Collectors.joining("\n"));
        Set<String> programs = new TreeSet<>();
        Matcher literal = MAIN_CLASS.matcher(script);
        while (literal.find()) {
            programs.add(literal.group());
        }
        Matcher variables = PACKAGE_AND_CLASSES.matcher(script);
        while (variables.find()) {
            programs.add(variables.group(1) + "." + variables.group(2));
            programs.add(variables.group(1) + "." + variables.group(3));
        }
        return programs;
    }

    private static void expectEol(String path, String eol, List<String> problems) throws Exception {
        Process git = new ProcessBuilder("git", "check-attr", "eol", "--", path)
                .directory(Lesson.kitRoot().toFile()).redirectErrorStream(true).start();
        String answer = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).as("git check-attr finished").isTrue();
        if (!answer.equals(path + ": eol: " + eol)) {
            problems.add(path + " should be checked out with " + eol.toUpperCase() + " line ends (git says \"" + answer
                    + "\"): add \"" + path + " text eol=" + eol + "\" to .gitattributes");
        }
    }
}
