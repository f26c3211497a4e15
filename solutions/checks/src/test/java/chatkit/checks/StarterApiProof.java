// @kit:instructor-only
package chatkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proof 2: the starter has exactly the reference's public API: the same public classes, and in
 * each the same public and protected constructors, methods, fields and constant values. (The
 * other half of proof 2, hidden tests compiling against the starter, is solutions/hidden-tests' compile.)
 */
class StarterApiProof {


    @ParameterizedTest(name = "{0}")
    @MethodSource("chatkit.checks.Lesson#all")
    void starterAndReferenceHaveTheSamePublicApi(Lesson lesson) throws Exception {
        Set<String> starter = publicApi(lesson.starterClasses());
        Set<String> reference = publicApi(lesson.referenceClasses());

        assertThat(reference).as("%s: the reference's public API (is solutions/%s built?)", lesson, lesson.folder())
                .isNotEmpty();
        Set<String> onlyInStarter = new TreeSet<>(starter);
        onlyInStarter.removeAll(reference);
        Set<String> onlyInReference = new TreeSet<>(reference);
        onlyInReference.removeAll(starter);
        assertThat(onlyInStarter).as("%s: public API only in the starter (make it match the reference)", lesson).isEmpty();
        assertThat(onlyInReference).as("%s: public API only in the reference (make the starter match it)", lesson).isEmpty();
        System.out.printf("[proof 2] %s: starter and reference share the same %d public API elements%n", lesson,
                reference.size());
    }

    /** One line per public class and per public or protected member, read from compiled classes. */
    static Set<String> publicApi(Path classesDir) throws IOException, ClassNotFoundException {
        Set<String> api = new TreeSet<>();
        // A loader of its own, whose parent knows only the JDK: never mixes starter and reference.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classesDir.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
             Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = classesDir.relativize(file).toString().replace('\\', '/').replace('/', '.');
                name = name.substring(0, name.length() - ".class".length());
                Class<?> type = Class.forName(name, false, loader);
                if (!Modifier.isPublic(type.getModifiers()) || type.isAnonymousClass() || type.isSynthetic()) {
                    continue;
                }
                api.add(describe(type));
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    if (visible(constructor.getModifiers()) && !constructor.isSynthetic()) {
                        api.add(type.getName() + " " + modifiers(constructor.getModifiers()) + "<init>" + signature(constructor));
                    }
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                        api.add(type.getName() + " " + modifiers(method.getModifiers())
                                + method.getGenericReturnType().getTypeName() + " " + method.getName() + signature(method));
                    }
                }
                for (Field field : type.getDeclaredFields()) {
                    if (visible(field.getModifiers()) && !field.isSynthetic()) {
                        api.add(type.getName() + " " + modifiers(field.getModifiers())
                                + field.getGenericType().getTypeName() + " " + field.getName() + constantValue(field));
                    }
                }
            }
        }
        return api;
    }

    private static String describe(Class<?> type) {
        String kind = type.isEnum() ? "enum" : type.isRecord() ? "record" : type.isInterface() ? "interface" : "class";
        String superclass = type.getGenericSuperclass() == null ? "" : " extends " + type.getGenericSuperclass().getTypeName();
        String interfaces = Arrays.stream(type.getGenericInterfaces()).map(t -> t.getTypeName())
                .collect(Collectors.joining(", "));
        return type.getName() + " " + modifiers(type.getModifiers()) + kind + superclass
                + (interfaces.isEmpty() ? "" : " implements " + interfaces);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
                | Modifier.ABSTRACT | Modifier.FINAL));
        return text.isEmpty() ? "" : text + " ";
    }

    private static String signature(Executable executable) {
        String parameters = Arrays.stream(executable.getGenericParameterTypes()).map(t -> t.getTypeName())
                .collect(Collectors.joining(", "));
        String exceptions = Arrays.stream(executable.getGenericExceptionTypes()).map(t -> t.getTypeName()).sorted()
                .collect(Collectors.joining(", "));
        return "(" + parameters + ")" + (exceptions.isEmpty() ? "" : " throws " + exceptions);
    }

    /** The value of a static final constant of a simple type: a changed constant is a changed API. */
    private static String constantValue(Field field) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)
                || !(field.getType().isPrimitive() || field.getType() == String.class)) {
            return "";
        }
        try {
            field.setAccessible(true);
            return " = " + field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return " = ?";
        }
    }
}
