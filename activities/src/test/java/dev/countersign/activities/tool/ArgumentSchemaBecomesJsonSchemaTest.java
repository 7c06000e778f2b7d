package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tool's argument schema is offered to a language model as the JSON Schema object it means. */
class ArgumentSchemaBecomesJsonSchemaTest {

    @Test
    void propertiesRequiredNamesAndAdditionalPropertiesAreKept() {
        Map<String, ArgumentSpec> specs = new LinkedHashMap<>();
        specs.put("orderId", ArgumentSpec.string("the order").withMaxLength(20));
        specs.put("amount", ArgumentSpec.number("how much", new BigDecimal("0.01"), new BigDecimal("500")));
        specs.put("currency", ArgumentSpec.string("ISO 4217 code").oneOf("EUR", "USD"));

        Map<String, Object> schema =
                ArgumentSchema.of(specs, "orderId", "amount").jsonSchema();

        assertThat(schema)
                .containsEntry("type", "object")
                .containsEntry("required", List.of("orderId", "amount"))
                .containsEntry("additionalProperties", false);
        assertThat(schema.get("properties"))
                .isEqualTo(Map.of(
                        "orderId", Map.of("type", "string", "description", "the order", "maxLength", 20),
                        "amount",
                                Map.of(
                                        "type",
                                        "number",
                                        "description",
                                        "how much",
                                        "minimum",
                                        new BigDecimal("0.01"),
                                        "maximum",
                                        new BigDecimal("500")),
                        "currency",
                                Map.of(
                                        "type",
                                        "string",
                                        "description",
                                        "ISO 4217 code",
                                        "enum",
                                        List.of("EUR", "USD"))));
    }

    @Test
    void aPatternIsAnchoredAsValidationMatchesIt() {
        ArgumentSchema schema =
                ArgumentSchema.of(Map.of("currency", ArgumentSpec.string("code").withPattern("[A-Z]{3}")));

        assertThat(property(schema, "currency")).containsEntry("pattern", "^(?:[A-Z]{3})$");
        assertThat(schema.violations(Map.of("currency", "EURO"))).isNotEmpty();
    }

    @Test
    void aListArgumentSaysItsItemsAsOpenAiRequires() {
        ArgumentSchema schema = ArgumentSchema.of(
                Map.of("ids", new ArgumentSpec(ArgumentType.ARRAY, "order ids", null, null, null, null, null)));

        assertThat(property(schema, "ids")).containsEntry("type", "array").containsEntry("items", Map.of());
    }

    @Test
    void aSchemaWithoutArgumentsIsAnEmptyObject() {
        Map<String, Object> schema = new ArgumentSchema(Map.of(), List.of(), true).jsonSchema();

        assertThat(schema).isEqualTo(Map.of("type", "object", "properties", Map.of(), "additionalProperties", true));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(ArgumentSchema schema, String name) {
        return (Map<String, Object>) ((Map<String, Object>) schema.jsonSchema().get("properties")).get(name);
    }
}
