package dev.countersign.activities.tool.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.ArgumentType;
import dev.countersign.activities.tool.Compensation;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolMethodsBecomeToolsTest {

    private final ToolRegistry registry = new ToolRegistry(ToolMethods.on(new RefundDesk()));

    @Test
    void everyToolMethodIsRegisteredByTheNameItsAnnotationGivesOrItsMethodName() {
        assertThat(registry.names())
                .containsExactlyInAnyOrder("issue_refund", "findOrder", "count_open_tickets", "close_account");
        assertThat(registry.find("issue_refund").orElseThrow().description())
                .isEqualTo("Refunds part of an order to the customer's card");
    }

    @Test
    void theModelIsOfferedSpringAisSchemaWithoutTheToolContext() {
        Map<String, Object> schema = registry.find("issue_refund").orElseThrow().jsonSchema();

        assertThat(schema).containsEntry("type", "object").containsEntry("additionalProperties", false);
        assertThat((Map<String, Object>) schema.get("properties")).containsOnlyKeys("orderId", "amount", "reason");
        assertThat((Map<String, Object>) schema.get("properties"))
                .extractingByKey("orderId")
                .isEqualTo(Map.of("type", "string", "description", "the order to refund"));
        assertThat((List<String>) schema.get("required")).containsExactly("orderId", "amount", "reason");
    }

    @Test
    void theCheckedSchemaKeepsTypesChoicesAndRequiredArguments() {
        var schema = registry.find("issue_refund").orElseThrow().schema();

        assertThat(schema.properties().get("orderId").type()).isEqualTo(ArgumentType.STRING);
        assertThat(schema.properties().get("amount").type()).isEqualTo(ArgumentType.NUMBER);
        assertThat(schema.properties().get("reason").enumValues()).containsExactly("DAMAGED", "LATE");
        assertThat(schema.required()).containsExactly("orderId", "amount", "reason");
        assertThat(schema.additionalProperties()).isFalse();
        assertThat(registry.find("findOrder").orElseThrow().description()).isEqualTo("Finds an order by its id");
    }

    @Test
    void tagsAndCompensationComeFromCountersigned() {
        Tool refund = registry.find("issue_refund").orElseThrow();
        Tool close = registry.find("close_account").orElseThrow();

        assertThat(refund.tags()).containsExactly("financial");
        assertThat(refund.compensation().name()).isEqualTo("reverseRefund");
        assertThat(close.tags()).containsExactly("account", "external", Compensation.IRREVERSIBLE_TAG);
        assertThat(close.compensation().isIrreversible()).isTrue();
        assertThat(registry.find("findOrder").orElseThrow().compensation().declared())
                .isFalse();
    }

    @Test
    void aMethodWithoutToolContextIsNotIdempotentAndTaggedSo() {
        assertThat(registry.find("issue_refund").orElseThrow().idempotent()).isTrue();
        assertThat(registry.find("findOrder").orElseThrow().idempotent()).isFalse();
        assertThat(registry.find("findOrder").orElseThrow().tags()).containsExactly(Tool.NOT_IDEMPOTENT_TAG);
        assertThat(registry.find("count_open_tickets").orElseThrow().tags()).containsExactly(Tool.NOT_IDEMPOTENT_TAG);
    }

    @Test
    void aCompensationThatIsNoMethodOfTheBeanIsRefusedNamingTheToolMethod() {
        assertThatThrownBy(() -> ToolMethods.on(new MisnamedUndo()))
                .hasMessageContaining("MisnamedUndo.wire")
                .hasMessageContaining("'unwire'");
    }

    @Test
    void twoToolsWithOneNameAreRefusedNamingBothMethods() {
        List<Tool> tools = new java.util.ArrayList<>(ToolMethods.on(new RefundDesk()));
        tools.addAll(ToolMethods.on(new RefundDesk()));

        assertThatThrownBy(() -> new ToolRegistry(tools))
                .hasMessageContaining("two tools are named")
                .hasMessageContaining("@Tool method " + RefundDesk.class.getName() + ".");
    }

    static class MisnamedUndo {

        @org.springframework.ai.tool.annotation.Tool(description = "Wires money")
        @Countersigned(compensation = "unwire")
        public String wire(int cents) {
            return "wired";
        }
    }
}
