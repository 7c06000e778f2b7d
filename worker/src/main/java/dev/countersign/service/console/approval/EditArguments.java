package dev.countersign.service.console.approval;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.ArgumentType;
import dev.countersign.service.console.ConsoleFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edit form of a tool call, both ways: the form's fields from the tool's argument schema and the
 * current arguments, and the new arguments from the submitted fields, typed by the schema and
 * checked against it before anything reaches the workflow (which checks again).
 */
public final class EditArguments {

    static final String PARAM_PREFIX = "arg.";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NAMED_VIOLATION = Pattern.compile("^'([^']+)' (.*)$");

    private EditArguments() {}

    /** The parsed arguments and every problem, by argument name ("" for problems of the whole call). */
    public record Parsed(Map<String, Object> args, Map<String, String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static List<ArgumentField> fields(
            ArgumentSchema schema,
            Map<String, Object> current,
            Map<String, String> submitted,
            Map<String, String> errors,
            ConsoleFormat format) {
        List<ArgumentField> fields = new ArrayList<>();
        schema.properties().forEach((name, spec) -> {
            String value = submitted.containsKey(name) ? submitted.get(name) : shown(current.get(name), format);
            fields.add(field(name, spec, schema.required().contains(name), value, errors.get(name)));
        });
        return fields;
    }

    /** The submitted values by argument name, from form parameters named {@code arg.<name>}. */
    public static Map<String, String> submitted(Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((param, value) -> {
            if (param.startsWith(PARAM_PREFIX)) {
                values.put(param.substring(PARAM_PREFIX.length()), value);
            }
        });
        return values;
    }

    public static Parsed parse(ArgumentSchema schema, Map<String, Object> current, Map<String, String> submitted) {
        Map<String, Object> args = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        current.forEach((name, value) -> {
            if (!schema.properties().containsKey(name)) {
                args.put(name, value); // an argument the form does not show stays as it was
            }
        });
        schema.properties().forEach((name, spec) -> {
            String text = submitted.getOrDefault(name, "").strip();
            if (text.isEmpty()) {
                if (schema.required().contains(name)) {
                    errors.put(name, "is required");
                }
                return;
            }
            try {
                args.put(name, typed(spec.type(), text));
            } catch (IllegalArgumentException wrongType) {
                errors.put(name, wrongType.getMessage());
            }
        });
        if (errors.isEmpty()) {
            for (String violation : schema.violations(args)) {
                Matcher named = NAMED_VIOLATION.matcher(violation);
                if (named.matches() && schema.properties().containsKey(named.group(1))) {
                    errors.putIfAbsent(named.group(1), named.group(2));
                } else {
                    errors.merge("", violation, (a, b) -> a + "; " + b);
                }
            }
        }
        return new Parsed(args, errors);
    }

    private static Object typed(ArgumentType type, String text) {
        return switch (type) {
            case STRING -> text;
            case NUMBER -> number(text, "must be a number, such as 250 or 99.95");
            case INTEGER -> {
                BigDecimal number = number(text, "must be a whole number");
                if (number.stripTrailingZeros().scale() > 0) {
                    throw new IllegalArgumentException("must be a whole number");
                }
                yield number.toBigIntegerExact();
            }
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("must be true or false");
                }
                yield Boolean.valueOf(text);
            }
            case OBJECT -> json(text, Map.class, "must be a JSON object, such as {\"key\": \"value\"}");
            case ARRAY -> json(text, List.class, "must be a JSON list, such as [\"a\", \"b\"]");
        };
    }

    private static BigDecimal number(String text, String problem) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static Object json(String text, Class<?> shape, String problem) {
        try {
            return JSON.readValue(text, shape);
        } catch (JacksonException unreadable) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String shown(Object value, ConsoleFormat format) {
        return value == null ? "" : format.value(value);
    }

    private static ArgumentField field(String name, ArgumentSpec spec, boolean required, String value, String error) {
        String control;
        String step = null;
        switch (spec.type()) {
            case NUMBER -> {
                control = "number";
                step = "any";
            }
            case INTEGER -> {
                control = "number";
                step = "1";
            }
            case BOOLEAN -> control = "select";
            case OBJECT, ARRAY -> control = "json";
            default -> control = spec.enumValues().isEmpty() ? "text" : "select";
        }
        List<String> options = spec.type() == ArgumentType.BOOLEAN ? List.of("true", "false") : spec.enumValues();
        return new ArgumentField(
                name,
                spec.type().name().toLowerCase(Locale.ROOT),
                spec.description(),
                required,
                control,
                step,
                spec.minimum() == null ? null : spec.minimum().toPlainString(),
                spec.maximum() == null ? null : spec.maximum().toPlainString(),
                spec.pattern(),
                spec.maxLength(),
                options,
                value,
                error);
    }
}
