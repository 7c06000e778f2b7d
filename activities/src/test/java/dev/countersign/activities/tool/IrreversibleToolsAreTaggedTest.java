package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.tool.ToolInvocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrreversibleToolsAreTaggedTest {

    @Test
    void toolDeclaredIrreversibleCarriesTheTagBesideItsOwn() {
        ToolRegistry registry = new ToolRegistry(
                List.of(CompensatingTools.tool("wire_money", List.of("financial"), Compensation.irreversible())));

        Tool tool = registry.find("wire_money").orElseThrow();

        assertThat(tool.tags()).containsExactly("financial", Compensation.IRREVERSIBLE_TAG);
        assertThat(tool.compensation().isIrreversible()).isTrue();
        assertThat(tool.execute(new ToolInvocation("t", "a1", "wire_money", null, null, "t/a1")))
                .containsEntry("done", "t/a1");
    }

    @Test
    void toolsWithACompensationOrNoneKeepTheirTags() {
        ToolRegistry registry = new ToolRegistry(List.of(
                CompensatingTools.tool("refund", List.of("financial"), Compensation.by("reverse", r -> null)),
                CompensatingTools.tool("lookup", List.of(), Compensation.none())));

        assertThat(registry.find("refund").orElseThrow().tags()).containsExactly("financial");
        assertThat(registry.find("lookup").orElseThrow().tags()).isEmpty();
    }

    @Test
    void aCompensationNeedsANameAndAHandler() {
        assertThatThrownBy(() -> Compensation.by(" ", r -> null)).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> Compensation.by("reverse", null)).hasMessageContaining("needs a handler");
    }

    @Test
    void twoToolsWithOneNameAreRefusedNamingTheDeclaredClasses() {
        Tool first = CompensatingTools.tool("wire_money", List.of(), Compensation.irreversible());
        Tool second = CompensatingTools.tool("wire_money", List.of(), Compensation.none());

        assertThatThrownBy(() -> new ToolRegistry(List.of(first, second)))
                .hasMessageContaining("two tools are named 'wire_money'")
                .hasMessageNotContaining("IrreversibleTool")
                .hasMessageNotContaining("TaggedTool");
    }
}
