package dev.countersign.activities.tool.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.Compensation;
import dev.countersign.activities.tool.JsonSchemaArguments;
import dev.countersign.activities.tool.Tool;
import dev.countersign.tool.ToolInvocation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.support.ToolDefinitions;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * A bean method annotated with Spring AI's {@code @Tool}, as a Countersign tool: its name,
 * description and JSON Schema are Spring AI's own, its tags and compensation come from {@link
 * Countersigned}. It runs only in the tool activity, after the policy and any approval. It is
 * idempotent only when it takes a {@link ToolContext}, which carries the call's idempotency key
 * ({@link CountersignToolContext#IDEMPOTENCY_KEY}).
 */
public final class ToolMethod implements Tool {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String description;
    private final Map<String, Object> jsonSchema;
    private final ArgumentSchema schema;
    private final List<String> tags;
    private final MethodCall call;
    private final Compensation compensation;

    private ToolMethod(ToolDefinition definition, List<String> tags, MethodCall call, Compensation compensation) {
        this.name = definition.name();
        this.description = definition.description();
        this.jsonSchema = parse(definition.inputSchema());
        this.schema = JsonSchemaArguments.of(jsonSchema);
        this.tags = tags;
        this.call = call;
        this.compensation = compensation;
    }

    /**
     * The tool that {@code method}, declared on {@code bean}'s class and annotated with {@code @Tool},
     * is; fails naming the method when its {@link Countersigned} declaration or schema is unusable.
     */
    public static ToolMethod of(Object bean, Method method) {
        MethodCall call = new MethodCall(bean, method);
        Countersigned declared = AnnotatedElementUtils.findMergedAnnotation(method, Countersigned.class);
        try {
            return new ToolMethod(
                    ToolDefinitions.from(method),
                    declared == null ? List.of() : List.of(declared.tags()),
                    call,
                    compensation(bean, method, declared));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the @Tool method " + call.origin() + " is no usable tool: " + e.getMessage(), e);
        }
    }

    private static Compensation compensation(Object bean, Method method, Countersigned declared) {
        if (declared == null || (declared.compensation().isEmpty() && !declared.irreversible())) {
            return Compensation.none();
        }
        if (declared.irreversible()) {
            if (!declared.compensation().isEmpty()) {
                throw new IllegalArgumentException("it is declared irreversible and names a compensation");
            }
            return Compensation.irreversible();
        }
        MethodCall undo = new MethodCall(
                bean,
                compensationMethod(ClassUtils.getUserClass(AopUtils.getTargetClass(bean)), declared.compensation()));
        return Compensation.by(
                declared.compensation(),
                request -> undo.invoke(request.args(), CountersignToolContext.of(request), request));
    }

    private static Method compensationMethod(Class<?> type, String name) {
        List<Method> named = new ArrayList<>();
        for (Class<?> each = type; each != null && each != Object.class; each = each.getSuperclass()) {
            Arrays.stream(each.getDeclaredMethods())
                    .filter(candidate -> candidate.getName().equals(name) && !candidate.isBridge())
                    .forEach(named::add);
        }
        if (named.size() != 1) {
            throw new IllegalArgumentException("its compensation '" + name + "' must be exactly one method of "
                    + type.getName() + ", and there are " + named.size());
        }
        return named.get(0);
    }

    private static Map<String, Object> parse(String schema) {
        try {
            return JSON.readValue(schema, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Spring AI generated a schema that is not JSON: " + e.getMessage(), e);
        }
    }

    /** The bean's class and the method's name, for messages that send a developer to the code. */
    public String origin() {
        return "@Tool method " + call.origin();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** The checkable part of {@link #jsonSchema()}, which every call passes before the policy sees it. */
    @Override
    public ArgumentSchema schema() {
        return schema;
    }

    /** The schema Spring AI generates for the method's parameters, as the model is offered it. */
    @Override
    public Map<String, Object> jsonSchema() {
        return jsonSchema;
    }

    @Override
    public List<String> tags() {
        return tags;
    }

    /** Idempotent only when the method takes a {@link ToolContext}, and with it the idempotency key. */
    @Override
    public boolean idempotent() {
        return call.takes(ToolContext.class);
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        return call.invoke(invocation.args(), CountersignToolContext.of(invocation), null);
    }

    @Override
    public Compensation compensation() {
        return compensation;
    }

    @Override
    public String toString() {
        return origin();
    }
}
