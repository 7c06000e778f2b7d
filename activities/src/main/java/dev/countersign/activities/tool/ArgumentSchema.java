package dev.countersign.activities.tool;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments a tool accepts: named properties, which of them are required, and whether others
 * are allowed. {@link #violations} lists every way a set of arguments fails it, in words a reviewer
 * understands.
 */
public record ArgumentSchema(
        Map<String, ArgumentSpec> properties, List<String> required, boolean additionalProperties) {

    public ArgumentSchema {
        properties =
                properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = required == null ? List.of() : List.copyOf(required);
        for (String name : required) {
            if (!properties.containsKey(name)) {
                throw new IllegalArgumentException("required argument '" + name + "' is not a property");
            }
        }
    }

    public static ArgumentSchema of(Map<String, ArgumentSpec> properties, String... required) {
        return new ArgumentSchema(properties, List.of(required), false);
    }

    /**
     * This schema as a JSON Schema object ({@code type: object} with its properties, required names
     * and additionalProperties), as a language model's tool definition carries it. A pattern is
     * anchored, since {@link #violations} matches it against the whole value while JSON Schema
     * searches for it.
     */
    public Map<String, Object> jsonSchema() {
        Map<String, Object> props = new LinkedHashMap<>();
        properties.forEach((name, spec) -> props.put(name, spec.jsonSchema()));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", props);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", additionalProperties);
        return schema;
    }

    public List<String> violations(Map<String, Object> args) {
        List<String> problems = new ArrayList<>();
        for (String name : required) {
            if (args.get(name) == null) {
                problems.add("'" + name + "' is required");
            }
        }
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            ArgumentSpec spec = properties.get(arg.getKey());
            if (spec == null) {
                if (!additionalProperties) {
                    problems.add("'" + arg.getKey() + "' is not an argument of this tool");
                }
            } else if (arg.getValue() != null) {
                check(arg.getKey(), spec, arg.getValue(), problems);
            }
        }
        return problems;
    }

    private static void check(String name, ArgumentSpec spec, Object value, List<String> problems) {
        switch (spec.type()) {
            case STRING -> checkString(name, spec, value, problems);
            case NUMBER, INTEGER -> checkNumber(name, spec, value, problems);
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    problems.add("'" + name + "' must be true or false");
                }
            }
            case OBJECT -> {
                if (!(value instanceof Map)) {
                    problems.add("'" + name + "' must be an object");
                }
            }
            case ARRAY -> {
                if (!(value instanceof List)) {
                    problems.add("'" + name + "' must be a list");
                }
            }
        }
    }

    private static void checkString(String name, ArgumentSpec spec, Object value, List<String> problems) {
        if (!(value instanceof String text)) {
            problems.add("'" + name + "' must be a string");
            return;
        }
        if (spec.maxLength() != null && text.length() > spec.maxLength()) {
            problems.add("'" + name + "' must be at most " + spec.maxLength() + " characters");
        }
        if (spec.pattern() != null && !Pattern.matches(spec.pattern(), text)) {
            problems.add("'" + name + "' must match " + spec.pattern());
        }
        if (!spec.enumValues().isEmpty() && !spec.enumValues().contains(text)) {
            problems.add("'" + name + "' must be one of " + spec.enumValues());
        }
    }

    private static void checkNumber(String name, ArgumentSpec spec, Object value, List<String> problems) {
        if (!(value instanceof Number number) || !finite(number)) {
            problems.add("'" + name + "' must be a number");
            return;
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        if (spec.type() == ArgumentType.INTEGER && decimal.stripTrailingZeros().scale() > 0) {
            problems.add("'" + name + "' must be a whole number");
        }
        if (spec.minimum() != null && decimal.compareTo(spec.minimum()) < 0) {
            problems.add("'" + name + "' must be at least " + spec.minimum().toPlainString());
        }
        if (spec.maximum() != null && decimal.compareTo(spec.maximum()) > 0) {
            problems.add("'" + name + "' must be at most " + spec.maximum().toPlainString());
        }
    }

    private static boolean finite(Number number) {
        return !(number instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(number instanceof Float f && (f.isNaN() || f.isInfinite()));
    }
}
