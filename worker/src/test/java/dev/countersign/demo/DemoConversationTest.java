package dev.countersign.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepKind;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.tool.Tool;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent and its tools together, driven the way the workflow drives them: every proposed call
 * must pass its tool's schema, runs against the database, and its result goes back to the agent.
 */
class DemoConversationTest {

    private final DemoDatabase database = new DemoDatabase();
    private final ToolRegistry tools = new ToolRegistry(List.of(
            new LookupOrderTool(database.jdbc()),
            new IssueRefundTool(database.jdbc()),
            new SendEmailTool(database.jdbc())));
    private final DemoLedger ledger = new DemoLedger(database.jdbc());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anApprovedRefundEndsWithOneRefundAndOneEmailInTheLedger() {
        String summary = run(UnaryOperator.identity());

        assertThat(summary).isEqualTo("Refunded 200 USD for order A-1; customer emailed.");
        assertThat(ledger.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.orderId()).isEqualTo("A-1");
            assertThat(refund.amount()).isEqualByComparingTo("200");
            assertThat(refund.taskId()).isEqualTo("task-7");
        });
        assertThat(ledger.emails()).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo("ana.silva@example.com");
            assertThat(email.body()).contains("We have refunded 200 USD for order A-1");
        });
    }

    @Test
    void anEditedRefundRunsAndIsConfirmedWithTheEditedAmount() {
        String summary = run(call -> call.tool().equals("issue_refund")
                ? call.withArgs(Map.of("orderId", "A-1", "amount", 150.25, "currency", "USD"))
                : call);

        assertThat(summary).isEqualTo("Refunded 150.25 USD for order A-1; customer emailed.");
        assertThat(ledger.refunds())
                .singleElement()
                .satisfies(refund -> assertThat(refund.amount()).isEqualByComparingTo(new BigDecimal("150.25")));
        assertThat(ledger.emails().get(0).body()).contains("150.25 USD");
    }

    @Test
    void aRefundAboveTheOrderTotalFailsAndTheCustomerIsToldItFailed() {
        String summary = run(call -> call.tool().equals("issue_refund")
                ? call.withArgs(Map.of("orderId", "A-1", "amount", 900, "currency", "USD"))
                : call);

        assertThat(summary)
                .startsWith("Refund of 900 USD for order A-1 failed (")
                .endsWith("; customer emailed.");
        assertThat(ledger.refunds()).isEmpty();
        assertThat(ledger.emails().get(0).body()).contains("failed");
    }

    /** Runs the task to its end, executing every call as the reviewer's {@code decide} leaves it. */
    private String run(UnaryOperator<ToolCall> decide) {
        SupportAgent agent = new SupportAgent();
        List<TranscriptEntry> transcript = new ArrayList<>();
        for (int step = 1; step <= 10; step++) {
            AgentStep next = agent.nextStep(
                    new AgentRequest("task-7", "support", "parcel damaged", Conversation.standardInput(), transcript));
            if (next.kind() == StepKind.FINISH) {
                return next.summary();
            }
            ToolCall call = decide.apply(next.toolCall());
            assertThat(tools.violations(call.tool(), call.args()))
                    .as("arguments of %s", call)
                    .isEmpty();
            transcript.add(execute(call, "action-" + step));
        }
        throw new AssertionError("the agent did not finish in 10 steps: " + transcript);
    }

    private TranscriptEntry execute(ToolCall call, String actionId) {
        Tool tool = tools.find(call.tool()).orElseThrow();
        try {
            Map<String, Object> result = tool.execute(
                    new ToolInvocation("task-7", actionId, call.tool(), call.args(), null, "task-7/" + actionId));
            return new TranscriptEntry(TranscriptKind.TOOL_RESULT, actionId, call, result, null, null, null);
        } catch (dev.countersign.tool.ToolException failure) {
            return new TranscriptEntry(
                    TranscriptKind.TOOL_FAILED, actionId, call, null, failure.getMessage(), null, null);
        }
    }
}
