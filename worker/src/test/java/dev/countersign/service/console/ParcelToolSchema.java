package dev.countersign.service.console;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Tool;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A tool whose JSON Schema a generated form cannot show (a nested address, one of two ways to
 * deliver), as MCP servers and {@code @Tool} methods declare them; it is never executed here.
 */
class ParcelToolSchema implements Tool {

    @Override
    public String name() {
        return "ship_parcel";
    }

    @Override
    public ArgumentSchema schema() {
        return new ArgumentSchema(
                Map.of("weightKg", ArgumentSpec.number("the weight", new BigDecimal("0.1"), null)),
                List.of("weightKg"),
                true);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        return Map.of(
                "type", "object",
                "properties",
                        Map.of(
                                "address",
                                        Map.of(
                                                "type", "object",
                                                "properties",
                                                        Map.of(
                                                                "street",
                                                                Map.of("type", "string"),
                                                                "city",
                                                                Map.of("type", "string")),
                                                "required", List.of("street", "city")),
                                "delivery",
                                        Map.of("oneOf", List.of(Map.of("const", "door"), Map.of("const", "locker"))),
                                "weightKg", Map.of("type", "number", "minimum", 0.1)),
                "required", List.of("address", "weightKg"));
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        throw new UnsupportedOperationException("the console tests never run tools");
    }
}
