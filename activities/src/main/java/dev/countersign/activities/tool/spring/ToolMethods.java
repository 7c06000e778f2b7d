package dev.countersign.activities.tool.spring;

import dev.countersign.activities.tool.Tool;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds the methods annotated with Spring AI's {@code @Tool} on a bean, as Countersign tools. Only
 * their definitions are taken from Spring AI; Countersign calls them itself, in the tool activity.
 */
public final class ToolMethods {

    private ToolMethods() {}

    /** Whether objects of {@code type} have a {@code @Tool} method. */
    public static boolean declaredOn(Class<?> type) {
        return !annotated(type).isEmpty();
    }

    /** The tools of {@code bean}'s {@code @Tool} methods, ordered by method name. */
    public static List<Tool> on(Object bean) {
        return annotated(AopUtils.getTargetClass(bean)).keySet().stream()
                .sorted(Comparator.comparing(Method::getName))
                .map(method -> (Tool) ToolMethod.of(bean, method))
                .toList();
    }

    private static Map<Method, org.springframework.ai.tool.annotation.Tool> annotated(Class<?> type) {
        if (!AnnotationUtils.isCandidateClass(type, org.springframework.ai.tool.annotation.Tool.class)) {
            return Map.of();
        }
        return MethodIntrospector.selectMethods(
                type, (MethodIntrospector.MetadataLookup<org.springframework.ai.tool.annotation.Tool>)
                        method -> AnnotatedElementUtils.findMergedAnnotation(
                                method, org.springframework.ai.tool.annotation.Tool.class));
    }
}
