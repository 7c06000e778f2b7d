package dev.countersign.activities.tool;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One argument of a tool: its type and constraints, a subset of JSON Schema that console forms and
 * validation share. Null constraints do not apply.
 */
public record ArgumentSpec(
        ArgumentType type,
        String description,
        BigDecimal minimum,
        BigDecimal maximum,
        Integer maxLength,
        String pattern,
        List<String> enumValues) {

    public ArgumentSpec {
        if (type == null) {
            throw new IllegalArgumentException("an argument needs a type");
        }
        description = description == null ? "" : description;
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }

    /** This argument as a JSON Schema property: its type, description and constraints. */
    public Map<String, Object> jsonSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type.jsonName());
        if (!description.isBlank()) {
            schema.put("description", description);
        }
        if (type == ArgumentType.ARRAY) {
            schema.put("items", Map.of()); // OpenAI refuses an array schema without items
        }
        if (minimum != null) {
            schema.put("minimum", minimum);
        }
        if (maximum != null) {
            schema.put("maximum", maximum);
        }
        if (maxLength != null) {
            schema.put("maxLength", maxLength);
        }
        if (pattern != null) {
            schema.put("pattern", "^(?:" + pattern + ")$");
        }
        if (!enumValues.isEmpty()) {
            schema.put("enum", enumValues);
        }
        return schema;
    }

    public static ArgumentSpec string(String description) {
        return new ArgumentSpec(ArgumentType.STRING, description, null, null, null, null, null);
    }

    public static ArgumentSpec number(String description, BigDecimal minimum, BigDecimal maximum) {
        return new ArgumentSpec(ArgumentType.NUMBER, description, minimum, maximum, null, null, null);
    }

    public ArgumentSpec withPattern(String regex) {
        return new ArgumentSpec(type, description, minimum, maximum, maxLength, regex, enumValues);
    }

    public ArgumentSpec withMaxLength(int length) {
        return new ArgumentSpec(type, description, minimum, maximum, length, pattern, enumValues);
    }

    public ArgumentSpec oneOf(String... values) {
        return new ArgumentSpec(type, description, minimum, maximum, maxLength, pattern, List.of(values));
    }
}
