package dev.countersign.activities.tool.mcp;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.ArgumentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top level of an MCP tool's input schema as an {@link ArgumentSchema}, for forms: each property
 * of a plain JSON type with its description, bounds, length and string choices (a pattern is left to
 * the whole-schema check, which searches where the form would match whole). Properties of no single type are left
 * out and allowed; the whole schema is checked by {@link JsonSchemaCheck}.
 */
final class McpArgumentSchema {

    private McpArgumentSchema() {}

    static ArgumentSchema of(Map<String, Object> schema) {
        Map<String, ArgumentSpec> properties = new LinkedHashMap<>();
        boolean skipped = false;
        for (Map.Entry<String, Object> property :
                object(schema.get("properties")).entrySet()) {
            Map<String, Object> spec = object(property.getValue());
            ArgumentType type = type(spec.get("type"));
            if (type == null) {
                skipped = true;
                continue;
            }
            properties.put(
                    property.getKey(),
                    new ArgumentSpec(
                            type,
                            spec.get("description") instanceof String text ? text : null,
                            decimal(spec.get("minimum")),
                            decimal(spec.get("maximum")),
                            spec.get("maxLength") instanceof Number length ? length.intValue() : null,
                            null,
                            choices(spec.get("enum"))));
        }
        List<String> required = schema.get("required") instanceof List<?> names
                ? names.stream()
                        .map(String::valueOf)
                        .filter(properties::containsKey)
                        .toList()
                : List.of();
        return new ArgumentSchema(
                properties, required, skipped || !Boolean.FALSE.equals(schema.get("additionalProperties")));
    }

    private static ArgumentType type(Object type) {
        for (ArgumentType known : ArgumentType.values()) {
            if (known.jsonName().equals(type)) {
                return known;
            }
        }
        return null;
    }

    private static java.math.BigDecimal decimal(Object value) {
        return value instanceof Number number ? new java.math.BigDecimal(number.toString()) : null;
    }

    private static List<String> choices(Object values) {
        if (values instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
