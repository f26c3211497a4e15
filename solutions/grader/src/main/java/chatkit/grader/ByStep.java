// @kit:instructor-only
package chatkit.grader;

import chatkit.testkit.Steps;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.Tag;

/**
 * Runs a lesson's tests in the order of its steps: step 1's first. When the time for a whole
 * submission runs out, the steps that are left are the last ones, not whichever test classes come
 * late in the alphabet. The test runner makes these the defaults of its runs (a test class that
 * chooses its own order keeps it).
 */
final class ByStep {

    private ByStep() {
    }

    /** Test classes by the first step they test. */
    public static final class Classes implements ClassOrderer {
        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors().sort(Comparator.comparingInt(d -> firstStep(d.getTestClass())));
        }
    }

    /** Test methods by their step. */
    public static final class Methods implements MethodOrderer {
        @Override
        public void orderMethods(MethodOrdererContext context) {
            context.getMethodDescriptors().sort(Comparator.comparingInt(d -> step(d.getMethod(), Integer.MAX_VALUE)));
        }
    }

    /** The lowest step any test of the class (its nested classes included) is tagged with. */
    static int firstStep(Class<?> testClass) {
        int first = step(testClass, Integer.MAX_VALUE);
        for (Method method : testClass.getDeclaredMethods()) {
            first = Math.min(first, step(method, first));
        }
        for (Class<?> nested : testClass.getDeclaredClasses()) {
            first = Math.min(first, firstStep(nested));
        }
        return first;
    }

    private static int step(AnnotatedElement element, int otherwise) {
        Set<String> tags = Arrays.stream(element.getAnnotationsByType(Tag.class)).map(Tag::value)
                .collect(Collectors.toSet());
        return Steps.stepOf(tags).orElse(otherwise);
    }
}
