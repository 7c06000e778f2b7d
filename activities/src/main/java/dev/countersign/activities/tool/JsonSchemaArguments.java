package dev.countersign.activities.tool;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkable part of a JSON Schema for a tool's arguments, as an {@link ArgumentSchema}: each
 * property's type, description, bounds, length and choices; which are required; whether others are
 * allowed. Nested shapes and patterns stay with the model's schema: a nested object is checked to be
 * an object, a list to be a list.
 */
public final class JsonSchemaArguments {

    private static final String DEFS = "#/$defs/";

    private JsonSchemaArguments() {}

    /**
     * Every property of the schema; one whose JSON type Countersign cannot check is refused (a
     * {@code @Tool} method's schema, which Spring AI generates, never has one).
     */
    public static ArgumentSchema of(Map<String, Object> schema) {
        return of(schema, false);
    }

    /**
     * The properties of a single checkable type, for the console's form; the others are left out and
     * allowed, for a fuller check of the whole schema (an MCP server's tool) to judge.
     */
    public static ArgumentSchema checkablePartOf(Map<String, Object> schema) {
        return of(schema, true);
    }

    private static ArgumentSchema of(Map<String, Object> schema, boolean leaveOutUncheckable) {
        Map<String, ArgumentSpec> properties = new LinkedHashMap<>();
        boolean leftOut = false;
        for (Map.Entry<String, Object> property :
                object(schema.get("properties")).entrySet()) {
            Map<String, Object> resolved = resolved(object(property.getValue()), schema);
            try {
                properties.put(property.getKey(), spec(property.getKey(), resolved));
            } catch (IllegalArgumentException uncheckable) {
                if (!leaveOutUncheckable) {
                    throw uncheckable;
                }
                leftOut = true;
            }
        }
        List<String> required = schema.get("required") instanceof List<?> names
                ? names.stream()
                        .map(String::valueOf)
                        .filter(name -> !leaveOutUncheckable || properties.containsKey(name))
                        .toList()
                : List.of();
        return new ArgumentSchema(
                properties, required, leftOut || !Boolean.FALSE.equals(schema.get("additionalProperties")));
    }

    private static ArgumentSpec spec(String name, Map<String, Object> property) {
        return new ArgumentSpec(
                type(name, property),
                property.get("description") instanceof String text ? text : null,
                decimal(property.get("minimum")),
                decimal(property.get("maximum")),
                property.get("maxLength") instanceof Number length ? length.intValue() : null,
                null,
                choices(property.get("enum")));
    }

    private static ArgumentType type(String name, Map<String, Object> property) {
        Object type = property.get("type");
        if (type instanceof List<?> types) {
            type = types.stream()
                    .filter(each -> !"null".equals(each))
                    .findFirst()
                    .orElse(null);
        }
        if (type == null && property.get("enum") instanceof List<?>) {
            type = "string";
        }
        for (ArgumentType known : ArgumentType.values()) {
            if (known.jsonName().equals(type)) {
                return known;
            }
        }
        throw new IllegalArgumentException(
                "the argument '" + name + "' has no JSON type Countersign can check: " + property);
    }

    /** A property that refers to a definition ({@code $ref: #/$defs/Name}) is that definition. */
    private static Map<String, Object> resolved(Map<String, Object> property, Map<String, Object> schema) {
        if (property.get("$ref") instanceof String ref && ref.startsWith(DEFS)) {
            Map<String, Object> definition = object(object(schema.get("$defs")).get(ref.substring(DEFS.length())));
            Map<String, Object> merged = new LinkedHashMap<>(definition);
            property.forEach((key, value) -> {
                if (!key.equals("$ref")) {
                    merged.put(key, value);
                }
            });
            return merged;
        }
        return property;
    }

    private static List<String> choices(Object values) {
        if (values instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        return List.of();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
