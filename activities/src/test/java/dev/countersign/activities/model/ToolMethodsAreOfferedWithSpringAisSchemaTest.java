package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.activities.tool.ArgumentType;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.activities.tool.spring.ToolMethods;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

class ToolMethodsAreOfferedWithSpringAisSchemaTest {

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final ToolRegistry registry = new ToolRegistry(ToolMethods.on(new Shipping()));

    @Test
    void aToolMethodIsOfferedWithItsNestedSchemaInARequestOpenAiAccepts() {
        server.reply(ChatCompletionsJson.text("done"));
        OpenAiEndpoint endpoint = new OpenAiEndpoint(server.baseUrl(), TestAgents.KEY, "gpt-test", null);
        new LanguageModelAgent(
                        new AgentSetup("support", "You ship parcels.", null, List.of("ship_parcel")),
                        registry,
                        endpoint,
                        endpoint.chatModel(),
                        TestAgents.CLOCK)
                .nextStep(TestAgents.request());

        ChatCompletionsRequestChecker.assertValid(server.lastRequest());
        JsonNode function = server.lastRequest().path("tools").get(0).path("function");
        JsonNode properties = function.path("parameters").path("properties");
        assertThat(function.path("description").asText()).isEqualTo("Ships a parcel to an address");
        assertThat(properties.path("address").path("description").asText()).isEqualTo("where to");
        assertThat(properties
                        .path("address")
                        .path("properties")
                        .path("city")
                        .path("type")
                        .asText())
                .isEqualTo("string");
        assertThat(properties.path("items").path("type").asText()).isEqualTo("array");
        assertThat(properties.has("context")).isFalse();
        assertThat(function.path("parameters").path("additionalProperties").asBoolean(true))
                .isFalse();
    }

    @Test
    void nestedArgumentsAreCheckedForTheirShapeOnly() {
        var schema = registry.find("ship_parcel").orElseThrow().schema();

        assertThat(schema.properties().get("address").type()).isEqualTo(ArgumentType.OBJECT);
        assertThat(schema.properties().get("items").type()).isEqualTo(ArgumentType.ARRAY);
        assertThat(schema.violations(java.util.Map.of("address", "Main St 1", "items", List.of("book"))))
                .containsExactly("'address' must be an object");
    }

    /** A bean with one Spring AI tool whose arguments are a record and a list. */
    static class Shipping {

        record Address(String street, String city) {}

        @Tool(name = "ship_parcel", description = "Ships a parcel to an address")
        public String ship(
                @ToolParam(description = "where to") Address address, List<String> items, ToolContext context) {
            return "shipped";
        }
    }
}
