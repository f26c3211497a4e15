// @kit:instructor-only
package chatkit.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes what the grading found: OUT/grades.csv (a row per student and lesson), OUT/feedback/
 * STUDENT.md (plain words, step by step) and OUT/results/STUDENT/results.json (Gradescope's format).
 */
final class Reports {

    private static final Pattern SEED_NOTE = Pattern.compile(" ?\\[seed -?\\d+: replay with -Dchatkit.seed=-?\\d+\\]");
    private static final int FAILURES_SHOWN = 3;
    private static final int MESSAGE_CAP = 1500;

    private Reports() {
    }

    static void write(Path out, List<LessonGrade> grades, long seed, int maxSteps) throws IOException {
        Files.createDirectories(out.resolve("feedback"));
        Files.writeString(out.resolve("grades.csv"), csv(grades, seed, maxSteps), StandardCharsets.UTF_8);
        Map<String, List<LessonGrade>> byStudent = new LinkedHashMap<>();
        for (LessonGrade grade : grades) {
            byStudent.computeIfAbsent(grade.student(), s -> new ArrayList<>()).add(grade);
        }
        for (Map.Entry<String, List<LessonGrade>> student : byStudent.entrySet()) {
            Files.writeString(out.resolve("feedback").resolve(student.getKey() + ".md"),
                    feedback(student.getKey(), student.getValue(), seed), StandardCharsets.UTF_8);
            Path results = Files.createDirectories(out.resolve("results").resolve(student.getKey()));
            Files.writeString(results.resolve("results.json"), gradescope(student.getValue()), StandardCharsets.UTF_8);
        }
    }

    static String csv(List<LessonGrade> grades, long seed, int maxSteps) {
        StringBuilder csv = new StringBuilder("student,lesson,status,points,max_points");
        for (int n = 1; n <= maxSteps; n++) {
            csv.append(",step_").append(n);
        }
        csv.append(",seed\n");
        for (LessonGrade grade : grades) {
            csv.append(grade.student()).append(',').append(grade.lesson().folder()).append(',')
                    .append(grade.status().words).append(',').append(number(grade.points())).append(',')
                    .append(number(grade.maxPoints()));
            for (int n = 1; n <= maxSteps; n++) {
                csv.append(',');
                if (n <= grade.steps().size()) {
                    csv.append(number(grade.steps().get(n - 1).points()));
                }
            }
            csv.append(',').append(seed).append('\n');
        }
        return csv.toString();
    }

    /** 10 for 10.0, 7.5 for 7.5: what a spreadsheet and a reader both expect. */
    static String number(double value) {
        if (value == Math.rint(value)) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }

    static String feedback(String student, List<LessonGrade> grades, long seed) {
        StringBuilder md = new StringBuilder("# Feedback for " + student + "\n\n");
        md.append("Graded with the visible tests you have and with hidden tests that try more cases (random inputs,"
                + " seed ").append(seed).append("). A step's points for each kind of test come only when all of them"
                + " pass; steps about threads run their tests several times and must pass every time.\n");
        for (LessonGrade grade : grades) {
            md.append("\n## ").append(grade.lesson().title()).append(": ").append(number(grade.points())).append(" / ")
                    .append(number(grade.maxPoints())).append(" points\n\n");
            if (grade.status() == LessonGrade.Status.NOT_SUBMITTED) {
                md.append("No files of this lesson were found in your submission.\n");
                continue;
            }
            if (grade.status() == LessonGrade.Status.GRADER_ERROR) {
                grade.notes().forEach(note -> md.append("- Note: ").append(note).append('\n'));
                continue;
            }
            for (String note : grade.notes()) {
                md.append("- Note: ").append(note).append('\n');
            }
            if (grade.status() == LessonGrade.Status.COMPILE_ERROR) {
                md.append("\nYour code does not compile, so no test could run. The compiler said:\n\n```\n")
                        .append(grade.compileErrors()).append("\n```\n\nRun `../mvnw test` in the lesson's folder"
                        + " (Windows: `..\\mvnw.cmd test`) to see the same errors, fix them, and submit again.\n");
                continue;
            }
            for (String incident : grade.incidents()) {
                md.append("- Note: ").append(incident).append('\n');
            }
            for (LessonGrade.StepGrade step : grade.steps()) {
                md.append('\n').append(stepFeedback(grade, step));
            }
        }
        return md.toString();
    }

    private static String stepFeedback(LessonGrade grade, LessonGrade.StepGrade step) {
        StringBuilder md = new StringBuilder("### ");
        md.append(step.passed() ? "Passed" : "Not yet").append(": step ").append(step.step().number()).append(", ")
                .append(step.step().title()).append(" (").append(number(step.points())).append(" / ")
                .append(number(step.step().maxPoints())).append(")\n\n");
        if (!step.standIn().isEmpty()) {
            md.append(standInWords(grade, step)).append("\n\n");
        }
        if (step.passed()) {
            md.append("All its tests pass").append(step.step().runs() > 1 ? ", in each of " + step.step().runs()
                    + " runs" : "").append(".\n");
            return md.toString();
        }
        if (step.needsStep().isPresent()) {
            int k = step.needsStep().get();
            md.append("This step builds on step ").append(k).append(" (").append(grade.lesson().step(k).title())
                    .append("), which does not pass yet: ");
            if (step.testsPass()) {
                md.append("its own tests pass, and its points come once step ").append(k).append(" passes too.\n");
            } else {
                md.append("finish step ").append(k).append(" first, then look at this one again (")
                        .append(step.step().where()).append(").\n");
            }
            return md.toString();
        }
        md.append("Look at ").append(step.step().where()).append(".\n");
        md.append(partFeedback("Visible tests (you have these: run them with ../mvnw test)", step.visible()));
        md.append(partFeedback("Hidden tests (more cases of the same step)", step.hidden()));
        return md.toString();
    }

    /** Says that a step was judged with the kit's code in place of the student's for the failing steps it needs. */
    static String standInWords(LessonGrade grade, LessonGrade.StepGrade step) {
        String steps = LessonGrade.stepList(step.standIn());
        String titles = step.standIn().stream().map(k -> grade.lesson().step(k).title())
                .collect(Collectors.joining("; "));
        return "This step builds on " + steps + " (" + titles + "), which " + (step.standIn().size() == 1 ? "does"
                : "do") + " not pass yet. So it was graded with the kit's code for " + steps + " in place of yours:"
                + " what you see here is about your own code for this step.";
    }

    private static String partFeedback(String title, LessonGrade.Part part) {
        StringBuilder md = new StringBuilder("\n- ").append(title).append(": ");
        if (part.passed()) {
            return md.append("all pass (").append(number(part.points())).append(" points).\n").toString();
        }
        md.append("not all pass (0 of ").append(number(part.max())).append(" points).\n");
        List<LessonGrade.Failure> shown = part.failures().stream().limit(FAILURES_SHOWN).collect(Collectors.toList());
        for (LessonGrade.Failure failure : shown) {
            md.append("  - ").append(failure.name()).append(failure.run() > 1 ? " (run " + failure.run() + ")" : "")
                    .append(":\n\n    ```\n").append(indent(clean(failure.message()), "    ")).append("\n    ```\n");
        }
        if (part.failures().size() > shown.size()) {
            md.append("  - and ").append(part.failures().size() - shown.size()).append(" more.\n");
        }
        return md.toString();
    }

    /** A failure message for a student: without the replay note for instructors, and not too long. */
    static String clean(String message) {
        String text = SEED_NOTE.matcher(message == null ? "" : message).replaceAll("").strip();
        text = text.replace("```", "'''");
        return text.length() > MESSAGE_CAP ? text.substring(0, MESSAGE_CAP) + " ..." : text;
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(line -> prefix + line).collect(Collectors.joining("\n"));
    }

    /** Gradescope's results.json: a test per step and kind; hidden ones shown after grades are published. */
    static String gradescope(List<LessonGrade> grades) {
        List<String> tests = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        double score = 0;
        for (LessonGrade grade : grades) {
            score += grade.points();
            summary.append(grade.lesson().title()).append(": ").append(number(grade.points())).append(" / ")
                    .append(number(grade.maxPoints())).append(" (").append(grade.status().words).append(")\n");
            if (grade.status() == LessonGrade.Status.COMPILE_ERROR) {
                summary.append("Your code does not compile:\n").append(grade.compileErrors()).append("\n");
            }
            grade.notes().forEach(note -> summary.append("Note: ").append(note).append('\n'));
            grade.incidents().forEach(note -> summary.append("Note: ").append(note).append('\n'));
            for (LessonGrade.StepGrade step : grade.steps()) {
                for (LessonGrade.Part part : List.of(step.visible(), step.hidden())) {
                    String output = grade.status() != LessonGrade.Status.GRADED ? grade.status().words + " (see above)"
                            : step.needsStep().isPresent() ? "Needs step " + step.needsStep().get() + " first"
                                    + (part.passed() ? " (these tests pass; the points come once step "
                                    + step.needsStep().get() + " passes)." : ".")
                            : !step.standIn().isEmpty() ? standInWords(grade, step) + "\n\n" + (part.passed()
                                    ? "All pass." : failures(part))
                            : part.passed() ? "All pass."
                            : failures(part);
                    tests.add("    {\"name\": " + json(grade.lesson().title() + ", step " + step.step().number() + ": "
                            + step.step().title() + (part.hidden() ? " (hidden tests)" : " (visible tests)"))
                            + ", \"score\": " + number(step.points(part)) + ", \"max_score\": " + number(part.max())
                            + ", \"output\": " + json(output)
                            + ", \"visibility\": " + json(part.hidden() ? "after_published" : "visible") + "}");
                }
            }
        }
        return "{\n  \"score\": " + number(score) + ",\n  \"output\": " + json(summary.toString())
                + ",\n  \"visibility\": \"visible\",\n  \"stdout_visibility\": \"hidden\",\n"
                + "  \"tests\": [\n" + String.join(",\n", tests) + "\n  ]\n}\n";
    }

    private static String failures(LessonGrade.Part part) {
        return part.failures().stream().limit(FAILURES_SHOWN).map(f -> f.name() + ": " + clean(f.message()))
                .collect(Collectors.joining("\n\n"));
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** OUT/output/STUDENT/LESSON.txt: what the student's code printed while tested (capped), for the teacher. */
    static void writeOutputs(Path out, List<LessonGrade> grades) throws IOException {
        for (LessonGrade grade : grades) {
            if (!grade.output().isEmpty()) {
                Path folder = Files.createDirectories(out.resolve("output").resolve(grade.student()));
                Files.writeString(folder.resolve(grade.lesson().folder() + ".txt"), withoutHiddenFrames(grade.output()),
                        StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * The output with each stack-trace line of a hidden test replaced: a trace that a student's
     * thread or the JDK printed names no hidden test, nor its lines.
     */
    static String withoutHiddenFrames(String output) {
        return HIDDEN_FRAME.matcher(output).replaceAll("$1at (a hidden test)");
    }

    private static final java.util.regex.Pattern HIDDEN_FRAME =
            java.util.regex.Pattern.compile("(?m)^(\\s*)at chatkit\\.[\\w.$]*\\.hidden\\..*$");

    /** The table printed at the end of a grading run. */
    static String summary(List<LessonGrade> grades) {
        StringBuilder table = new StringBuilder(String.format("%-24s %-18s %-17s %8s   %s%n", "student", "lesson",
                "status", "points", "steps passed"));
        for (LessonGrade grade : grades) {
            String steps = grade.steps().stream().map(s -> s.passed() ? String.valueOf(s.step().number()) : ".")
                    .collect(Collectors.joining(" "));
            table.append(String.format("%-24s %-18s %-17s %8s   %s%n", grade.student(), grade.lesson().folder(),
                    grade.status().words, number(grade.points()) + "/" + number(grade.maxPoints()), steps));
        }
        return table.toString();
    }
}
