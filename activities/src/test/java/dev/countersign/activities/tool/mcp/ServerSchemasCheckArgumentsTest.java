package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An MCP tool's input schema checks the whole of a call's arguments (draft 2020-12 unless {@code
 * $schema} names draft-07), in words that say where and what.
 */
class ServerSchemasCheckArgumentsTest {

    private static final Map<String, Object> FILES = Map.of(
            "type", "object",
            "properties",
                    Map.of(
                            "mode", Map.of("enum", List.of("read", "write")),
                            "files",
                                    Map.of(
                                            "type",
                                            "array",
                                            "minItems",
                                            1,
                                            "items",
                                            Map.of(
                                                    "type",
                                                    "object",
                                                    "properties",
                                                    Map.of(
                                                            "path", Map.of("type", "string", "pattern", "^/sandbox/"),
                                                            "size", Map.of("type", "integer", "minimum", 0)),
                                                    "required",
                                                    List.of("path"),
                                                    "additionalProperties",
                                                    false))),
            "required", List.of("mode", "files"));

    @Test
    void argumentsThatFitTheWholeSchemaPass() {
        JsonSchemaCheck check = JsonSchemaCheck.of(FILES);

        assertThat(check.violations(
                        Map.of("mode", "read", "files", List.of(Map.of("path", "/sandbox/a.txt", "size", 3)))))
                .isEmpty();
    }

    @Test
    void nestedObjectsArraysEnumsAndPatternsAreCheckedAndNamedByWhereTheyAre() {
        JsonSchemaCheck check = JsonSchemaCheck.of(FILES);

        List<String> violations = check.violations(Map.of(
                "mode",
                "delete",
                "files",
                List.of(Map.of("path", "/etc/passwd"), Map.of("size", -1, "owner", "root"))));

        assertThat(violations)
                .anySatisfy(v -> assertThat(v).startsWith("'mode': ").contains("read"))
                .anySatisfy(
                        v -> assertThat(v).isEqualTo("'files[0].path': does not match the regex pattern ^/sandbox/"))
                .anySatisfy(v -> assertThat(v).startsWith("'files[1]': ").contains("path"))
                .anySatisfy(v -> assertThat(v).startsWith("'files[1].size': ").contains("0"))
                .anySatisfy(v -> assertThat(v).startsWith("'files[1]': ").contains("owner"));
    }

    @Test
    void aMissingRequiredArgumentIsNamed() {
        assertThat(JsonSchemaCheck.of(FILES).violations(Map.of("mode", "read")))
                .singleElement()
                .asString()
                .startsWith("the arguments: ")
                .contains("files");
    }

    @Test
    void aDraft07SchemaIsReadAsDraft07() {
        // In draft-07 "items" given as a list checks each position; 2020-12 names that prefixItems.
        Map<String, Object> schema = Map.of(
                "$schema", "http://json-schema.org/draft-07/schema#",
                "type", "object",
                "properties",
                        Map.of(
                                "pair",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        List.of(Map.of("type", "string"), Map.of("type", "integer")))));

        JsonSchemaCheck check = JsonSchemaCheck.of(schema);

        assertThat(check.violations(Map.of("pair", List.of("a", 1)))).isEmpty();
        assertThat(check.violations(Map.of("pair", List.of("a", "b"))))
                .singleElement()
                .asString()
                .startsWith("'pair[1]': ");
    }
}
