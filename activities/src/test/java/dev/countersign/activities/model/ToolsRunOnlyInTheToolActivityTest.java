package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.model.ChatCompletionsJson.Call;
import dev.countersign.agent.StepKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.tool.definition.ToolDefinition;

/** The adapter offers tools to the model but never runs one, whatever the model replies. */
class ToolsRunOnlyInTheToolActivityTest {

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final TestAgents agents = new TestAgents();

    @Test
    void aReplyCallingEveryToolRunsNoneOfThem() {
        server.reply(ChatCompletionsJson.toolCalls(
                null,
                new Call("call_1", "lookup_order", "{\"orderId\":\"A-7\"}"),
                new Call("call_2", "issue_refund", "{\"orderId\":\"A-7\",\"amount\":5}")));
        LanguageModelAgent agent = agents.agent(server);

        assertThat(agent.nextStep(TestAgents.request()).kind()).isEqualTo(StepKind.TOOL_CALL);

        assertThat(agents.lookupOrder.runs).isEmpty();
        assertThat(agents.issueRefund.runs).isEmpty();
        assertThat(server.received()).hasSize(1); // no second round trip with tool results either
    }

    @Test
    void theToolCallbacksSentToSpringAiRefuseToRun() {
        DeclaredTool declared = new DeclaredTool(ToolDefinition.builder()
                .name("issue_refund")
                .description("refunds")
                .inputSchema("{\"type\":\"object\"}")
                .build());

        assertThatThrownBy(() -> declared.call("{\"orderId\":\"A-7\"}"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("runs only in Countersign's tool activity");
        assertThat(List.of(agents.lookupOrder.runs, agents.issueRefund.runs))
                .allSatisfy(runs -> assertThat(runs).isEmpty());
    }
}
