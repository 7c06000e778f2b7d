package dev.countersign.activities.tool.spring;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.activities.tool.ToolException;
import dev.countersign.tool.CompensationRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;

/**
 * One bean method called with JSON arguments: each parameter bound by name and converted by Jackson
 * to its declared type, a {@link ToolContext} or {@link CompensationRequest} parameter given the
 * call's own; what it returns becomes a JSON object (anything but an object under {@value #RESULT}).
 */
final class MethodCall {

    /** The key a result that is not a JSON object (a number, a text, a list) is put under. */
    static final String RESULT = "result";

    private static final ObjectMapper JSON =
            JsonMapper.builder().findAndAddModules().build();

    private final Object bean;
    private final Method declared;
    private final Method invocable;

    MethodCall(Object bean, Method declared) {
        this.bean = bean;
        this.declared = declared;
        this.invocable = AopUtils.selectInvocableMethod(declared, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
    }

    boolean takes(Class<?> type) {
        for (Class<?> parameter : declared.getParameterTypes()) {
            if (type.isAssignableFrom(parameter)) {
                return true;
            }
        }
        return false;
    }

    /** The bean's class and the method's name, as a developer finds them in the code. */
    String origin() {
        return declared.getDeclaringClass().getName() + "." + declared.getName();
    }

    Map<String, Object> invoke(Map<String, Object> args, ToolContext context, CompensationRequest request) {
        Object returned;
        try {
            returned = invocable.invoke(bean, bind(args, context, request));
        } catch (InvocationTargetException e) {
            throw unchecked(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + origin(), e);
        }
        return result(returned);
    }

    private Object[] bind(Map<String, Object> args, ToolContext context, CompensationRequest request) {
        Parameter[] parameters = declared.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (ToolContext.class.isAssignableFrom(parameter.getType())) {
                values[i] = context;
            } else if (CompensationRequest.class.isAssignableFrom(parameter.getType())) {
                values[i] = request;
            } else {
                values[i] = argument(parameter, args.get(parameter.getName()));
            }
        }
        return values;
    }

    private Object argument(Parameter parameter, Object value) {
        if (value == null && parameter.getType().isPrimitive()) {
            throw invalid("'" + parameter.getName() + "' is required");
        }
        JavaType type = JSON.getTypeFactory().constructType(parameter.getParameterizedType());
        try {
            return JSON.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw invalid("'" + parameter.getName() + "' cannot be read as "
                    + type.getRawClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static ToolException invalid(String problem) {
        return new ToolException(ToolActivitiesImpl.INVALID_ARGUMENTS, problem, false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Object returned) {
        if (returned == null) {
            return Map.of();
        }
        Object json = JSON.convertValue(returned, Object.class);
        if (json instanceof Map<?, ?> object) {
            return new LinkedHashMap<>((Map<String, Object>) object);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put(RESULT, json);
        return wrapped;
    }

    /** A checked exception from the method becomes a retryable tool failure named by its class. */
    private static RuntimeException unchecked(Throwable thrown) {
        if (thrown instanceof RuntimeException runtime) {
            return runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return new ToolException(thrown.getClass().getSimpleName(), String.valueOf(thrown.getMessage()), true);
    }
}
