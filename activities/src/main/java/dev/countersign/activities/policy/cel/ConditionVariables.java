package dev.countersign.activities.policy.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.PolicyRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a rule's {@code when} condition may read, declared once for the compiler and filled
 * from each request in the shapes CEL-Java evaluates: whole numbers as {@code Long}, fractions as
 * {@code Double}, JSON null as CEL null. {@code input} is the older name of {@code task.input}, kept so
 * that policies written before {@code task} stay valid. {@code annotations} holds what a tool's source
 * states of it (an MCP server's hints: {@code annotations.destructiveHint == true}), empty otherwise.
 */
public final class ConditionVariables {

    static final double UNKNOWN_CONFIDENCE = -1.0;

    static final Map<String, CelType> DECLARATIONS = Map.ofEntries(
            Map.entry("args", MapType.create(SimpleType.STRING, SimpleType.DYN)),
            Map.entry("tool", SimpleType.STRING),
            Map.entry("agent", SimpleType.STRING),
            Map.entry("requester", SimpleType.STRING),
            Map.entry("task", MapType.create(SimpleType.STRING, SimpleType.DYN)),
            Map.entry("input", MapType.create(SimpleType.STRING, SimpleType.DYN)),
            Map.entry("confidence", SimpleType.DOUBLE),
            Map.entry("tags", ListType.create(SimpleType.STRING)),
            Map.entry("annotations", MapType.create(SimpleType.STRING, SimpleType.DYN)));

    private ConditionVariables() {}

    public static Map<String, Object> of(PolicyRequest request) {
        return of(request, Map.of());
    }

    /**
     * The variables of one request whose tool's source states these annotations (an MCP server's
     * hints, such as {@code readOnlyHint}); {@code annotations} is empty for other tools.
     */
    public static Map<String, Object> of(PolicyRequest request, Map<String, Object> annotations) {
        ToolCall call = request.call();
        Object input = celValue(request.input());
        return Map.of(
                "args", celValue(call.args()),
                "tool", call.tool(),
                "agent", nullToEmpty(request.agent()),
                "requester", nullToEmpty(request.requester()),
                "task", Map.of("input", input),
                "input", input,
                "confidence", call.confidence() == null ? UNKNOWN_CONFIDENCE : call.confidence(),
                "tags", celValue(call.tags()),
                "annotations", celValue(annotations == null ? Map.of() : annotations));
    }

    static Object celValue(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, inner) -> converted.put(String.valueOf(key), celValue(inner)));
            return converted;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(item -> converted.add(celValue(item)));
            return converted;
        }
        if (value instanceof Number number) {
            return celNumber(number);
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    private static Object celNumber(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (number instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
                return stripped.longValueExact();
            }
            return decimal.doubleValue();
        }
        return number.doubleValue();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
