// @kit:instructor-only
package chatkit.grader;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * A student's lesson with the reference's code standing in for some of its steps, so that a step
 * built on a broken one is judged on the student's own code for it: a mistake costs only its own
 * step. Each method whose starter body says "TODO K not done", for a step K that stands in, is
 * replaced whole (declaration too: lesson 2's step 2 adds {@code synchronized}) by the reference's
 * method; the reference's imports and its own helper methods come along (a student's method of the
 * same name and parameters gives way to the helper). Everything else stays the student's. It works on javac's syntax trees, so the student's layout and comments do not matter.
 */
final class StandIn {

    private static final Pattern TODO = Pattern.compile("\"TODO (\\d+) not done");

    private StandIn() {
    }

    /**
     * The student's sources (path under src/main/java -> text, as they were compiled) with the
     * reference standing in for {@code steps}; or why that cannot be done (a student file that lost
     * a method the starter has, say).
     */
    static Mixed mix(LessonKit lesson, Map<String, String> studentSources, Set<Integer> steps) throws IOException {
        Map<String, String> mixed = new LinkedHashMap<>(studentSources);
        for (String name : lesson.studentFiles()) {
            String path = lesson.packagePath() + "/" + name;
            String starter = Files.readString(lesson.starterSources().resolve(path));
            String reference = Files.readString(lesson.referenceSources().resolve(path));
            String student = studentSources.get(path);
            if (student == null) {
                return Mixed.cannot(name + " was not compiled");
            }
            Mixed file = mixFile(name, student, starter, reference, steps);
            if (file.problem() != null) {
                return file;
            }
            mixed.put(path, file.sources().get(name));
        }
        return new Mixed(mixed, null);
    }

    /**
     * The steps the student has not started: one of their methods still throws the starter's "TODO
     * K not done". Such a step fails whatever stands in for the steps it needs, so it is not tried.
     */
    static Set<Integer> notStarted(LessonKit lesson, Map<String, String> studentSources) {
        Set<Integer> steps = new java.util.TreeSet<>();
        for (String name : lesson.studentFiles()) {
            Matcher todo = TODO.matcher(studentSources.getOrDefault(lesson.packagePath() + "/" + name, ""));
            while (todo.find()) {
                steps.add(Integer.parseInt(todo.group(1)));
            }
        }
        return steps;
    }

    /** The mixed sources, or (when {@code problem} is not null) why there are none. */
    record Mixed(Map<String, String> sources, String problem) {
        static Mixed cannot(String problem) {
            return new Mixed(Map.of(), problem);
        }
    }

    /** One file: the student's text with the reference's methods in for the TODOs of {@code steps}. */
    static Mixed mixFile(String name, String student, String starter, String reference, Set<Integer> steps) {
        Parsed starterFile = Parsed.of(name, starter);
        Parsed referenceFile = Parsed.of(name, reference);
        Parsed studentFile = Parsed.of(name, student);
        if (starterFile == null || referenceFile == null || studentFile == null) {
            return Mixed.cannot(name + " could not be read as one Java class");
        }
        List<Edit> edits = new ArrayList<>();
        boolean replaced = false;
        for (Map.Entry<String, Member> method : starterFile.methods.entrySet()) {
            Matcher todo = TODO.matcher(method.getValue().text());
            if (!todo.find() || !steps.contains(Integer.parseInt(todo.group(1)))) {
                continue;
            }
            Member theirs = studentFile.methods.get(method.getKey());
            Member ours = referenceFile.methods.get(method.getKey());
            if (theirs == null || ours == null) {
                return Mixed.cannot(name + " has no method " + method.getKey());
            }
            edits.add(new Edit(theirs.start(), theirs.end(), ours.text()));
            replaced = true;
        }
        if (!replaced) {
            return new Mixed(Map.of(name, student), null);
        }
        // The reference's own helpers (methods the starter does not have) come along, in place of the
        // student's method of the same name if there is one: the stood-in code calls the helpers it was written with.
        StringBuilder helpers = new StringBuilder();
        for (Map.Entry<String, Member> helper : referenceFile.methods.entrySet()) {
            if (starterFile.methods.containsKey(helper.getKey())) {
                continue;
            }
            Member theirs = studentFile.methods.get(helper.getKey());
            if (theirs != null) {
                edits.add(new Edit(theirs.start(), theirs.end(), helper.getValue().text()));
            } else {
                helpers.append("\n    ").append(helper.getValue().text()).append('\n');
            }
        }
        if (helpers.length() > 0) {
            edits.add(new Edit(studentFile.classEnd - 1, studentFile.classEnd - 1, helpers.toString()));
        }
        String imports = referenceFile.imports.stream().filter(i -> !studentFile.imports.contains(i))
                .map(i -> "\n" + i).collect(Collectors.joining());
        if (!imports.isEmpty()) {
            edits.add(new Edit(studentFile.importsEnd, studentFile.importsEnd, imports));
        }
        StringBuilder text = new StringBuilder(student);
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        for (Edit edit : edits) {
            text.replace(edit.start(), edit.end(), edit.text());
        }
        return new Mixed(Map.of(name, text.toString()), null);
    }

    private record Edit(int start, int end, String text) {
    }

    /** A method as written: where it starts (its modifiers) and ends (its closing brace), and its text. */
    private record Member(int start, int end, String text) {
    }

    /** The methods of a file's one top-level class, by name and parameter types ("send(String)", "<init>(Socket)"). */
    private static final class Parsed {
        final Map<String, Member> methods = new LinkedHashMap<>();
        final List<String> imports = new ArrayList<>();
        int importsEnd;
        int classEnd;

        static Parsed of(String name, String text) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
            JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null,
                    List.of(file));
            try {
                CompilationUnitTree unit = task.parse().iterator().next();
                SourcePositions positions = Trees.instance(task).getSourcePositions();
                List<ClassTree> classes = unit.getTypeDecls().stream().filter(ClassTree.class::isInstance)
                        .map(ClassTree.class::cast).collect(Collectors.toList());
                if (classes.size() != 1) {
                    return null;
                }
                Parsed parsed = new Parsed();
                Optional<? extends Tree> head = unit.getImports().isEmpty() ? Optional.ofNullable(unit.getPackage())
                        : Optional.of(unit.getImports().get(unit.getImports().size() - 1));
                parsed.importsEnd = head.map(tree -> (int) positions.getEndPosition(unit, tree)).orElse(0);
                for (ImportTree tree : unit.getImports()) {
                    parsed.imports.add(text.substring((int) positions.getStartPosition(unit, tree),
                            (int) positions.getEndPosition(unit, tree)));
                }
                parsed.classEnd = (int) positions.getEndPosition(unit, classes.get(0));
                for (Tree member : classes.get(0).getMembers()) {
                    if (member instanceof MethodTree method && method.getBody() != null) {
                        int start = (int) positions.getStartPosition(unit, method);
                        int end = (int) positions.getEndPosition(unit, method);
                        String key = method.getName() + method.getParameters().stream()
                                .map(p -> p.getType().toString()).collect(Collectors.joining(",", "(", ")"));
                        parsed.methods.put(key, new Member(start, end, text.substring(start, end)));
                    }
                }
                return parsed.classEnd > 0 && text.charAt(parsed.classEnd - 1) == '}' ? parsed : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
