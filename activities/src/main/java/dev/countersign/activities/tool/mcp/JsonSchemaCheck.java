package dev.countersign.activities.tool.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;

/**
 * A tool's whole input schema as an MCP server gave it, checking arguments before the policy sees
 * them: JSON Schema draft 2020-12, or the draft its {@code $schema} names (draft-07 for one), with
 * nested objects, arrays, enums and patterns. Each violation reads as where it is and what is wrong.
 */
final class JsonSchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    private JsonSchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /** The check of this schema; refuses a schema that is not one, saying why. */
    static JsonSchemaCheck of(Map<String, Object> jsonSchema) {
        try {
            return new JsonSchemaCheck(SCHEMAS.getSchema(JSON.valueToTree(jsonSchema)));
        } catch (RuntimeException unusable) {
            throw new IllegalArgumentException("its input schema is not usable JSON Schema: " + unusable.getMessage());
        }
    }

    List<String> violations(Map<String, Object> args) {
        JsonNode instance = JSON.valueToTree(args);
        return schema.validate(instance).stream().map(JsonSchemaCheck::describe).toList();
    }

    /** "'path.to[0].value': what is wrong", with the root called "the arguments". */
    private static String describe(Error error) {
        String message = error.getMessage();
        String location = error.getInstanceLocation().toString();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        String path = readable(location);
        return (path.isEmpty() ? "the arguments" : "'" + path + "'") + ": " + message;
    }

    /** A JSON pointer ({@code /files/0/path}) or JSON path ({@code $.files[0].path}) as {@code files[0].path}. */
    static String readable(String location) {
        if (location.startsWith("$")) {
            return location.replaceFirst("^\\$\\.?", "");
        }
        StringBuilder path = new StringBuilder();
        for (String segment : location.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.toString();
    }
}
