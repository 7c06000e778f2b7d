package dev.countersign.service.console.approval;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edit form for a tool whose JSON Schema a generated form cannot show (one-of choices,
 * references, nested objects or lists described beyond "an object"): the whole arguments as one
 * JSON object, checked against the tool's own schema, as the workflow checks them again.
 */
final class JsonArgumentsEditor {

    /** The form parameter that carries the edited arguments as JSON. */
    static final String PARAM = "argsJson";

    private static final Set<String> PLAIN_OBJECT_KEYWORDS =
            Set.of("type", "properties", "required", "additionalProperties", "description", "title", "$schema", "$id");
    private static final Set<String> PLAIN_PROPERTY_KEYWORDS = Set.of(
            "type", "description", "title", "minimum", "maximum", "maxLength", "pattern", "enum", "default", "format");
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonArgumentsEditor() {}

    /**
     * Whether the generated form shows this tool's arguments faithfully: its JSON Schema is a plain
     * object of plain properties (one type, simple constraints), each of which its argument schema
     * knows with that type. Otherwise the reviewer edits the arguments as JSON.
     */
    static boolean formFits(Tool tool) {
        Map<String, Object> schema;
        ArgumentSchema arguments;
        try {
            schema = tool.jsonSchema();
            arguments = tool.schema();
        } catch (RuntimeException unreadable) {
            return false;
        }
        if (!PLAIN_OBJECT_KEYWORDS.containsAll(schema.keySet())
                || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return false;
        }
        for (Map.Entry<?, ?> property : properties.entrySet()) {
            ArgumentSpec spec = arguments.properties().get(String.valueOf(property.getKey()));
            if (spec == null
                    || !(property.getValue() instanceof Map<?, ?> shape)
                    || !plain(shape)
                    || !spec.type().jsonName().equals(shape.get("type"))) {
                return false;
            }
        }
        return true;
    }

    /** One type with simple constraints; a list's items described by nothing more than "anything". */
    private static boolean plain(Map<?, ?> property) {
        return property.entrySet().stream()
                .allMatch(keyword -> PLAIN_PROPERTY_KEYWORDS.contains(keyword.getKey())
                        || (keyword.getKey().equals("items")
                                && keyword.getValue() instanceof Map<?, ?> items
                                && items.isEmpty()));
    }

    /** The arguments as the editor shows them: indented JSON. */
    static String shown(Map<String, Object> args) {
        return JSON.writeValueAsString(args);
    }

    /**
     * The edited arguments, or the problem with them: not JSON, not an object, or the tool's schema
     * violations.
     */
    static EditArguments.Parsed parse(ToolRegistry tools, String tool, String text) {
        if (text == null || text.isBlank()) {
            return invalid("The edited arguments are empty: give them as one JSON object.");
        }
        Object parsed;
        try {
            parsed = JSON.readValue(text, Object.class);
        } catch (JacksonException notJson) {
            return invalid("The edited arguments are not valid JSON: "
                    + notJson.getOriginalMessage().split("\n", 2)[0]);
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            return invalid("The edited arguments must be one JSON object, such as {\"path\": \"notes.txt\"}.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> args = (Map<String, Object>) object;
        List<String> violations = tools.violations(tool, args);
        return violations.isEmpty() ? new EditArguments.Parsed(args, Map.of()) : invalid(String.join("; ", violations));
    }

    private static EditArguments.Parsed invalid(String problem) {
        return new EditArguments.Parsed(Map.of(), Map.of("", problem));
    }
}
