// @kit:instructor-only
package chatkit.grader;

import chatkit.grader.ResultLine.TestKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the grader tells each fresh test JVM before it starts: the tests an earlier JVM of the
 * same submission already began (they are not run again), and the step parts where a test timed
 * out (their other tests are not run: {@link chatkit.testkit.StepTimeouts}), and in a first run
 * the steps with a failed test (the steps built on them are not run). A file of lines "TEST run
 * id", "TIMEOUT part" and "FAILED step", fields escaped like the results file's.
 */
record SkipList(Set<TestKey> begun, Set<String> timedOutParts, Set<Integer> failedSteps) {

    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        begun.forEach(test -> lines.add("TEST\t" + test.run() + "\t" + ResultLine.escape(test.id())));
        timedOutParts.forEach(part -> lines.add("TIMEOUT\t" + ResultLine.escape(part)));
        failedSteps.forEach(step -> lines.add("FAILED\t" + step));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static SkipList read(Path file) throws IOException {
        Set<TestKey> begun = new LinkedHashSet<>();
        Set<String> parts = new LinkedHashSet<>();
        Set<Integer> failed = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("TEST")) {
                begun.add(new TestKey(Integer.parseInt(f[1]), ResultLine.unescape(f[2])));
            } else if (f[0].equals("TIMEOUT")) {
                parts.add(ResultLine.unescape(f[1]));
            } else if (f[0].equals("FAILED")) {
                failed.add(Integer.parseInt(f[1]));
            }
        }
        return new SkipList(begun, parts, failed);
    }
}
