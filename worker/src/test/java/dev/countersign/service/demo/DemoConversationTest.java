package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepKind;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.tool.ToolInvocation;
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
            new IssueRefundTool(database.schema()),
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

    @Test
    void twelveTenDollarRefundsOfOneOrderStopAtItsTotalAndTheCustomerIsToldWhy() {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("orderId", "A-2");
        input.put("amount", 10);
        input.put("currency", "USD");
        input.put("customer", "ben.okafor@example.com");
        List<String> summaries = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            summaries.add(run("task-" + i, input, UnaryOperator.identity()));
        }

        assertThat(summaries.subList(0, 8)).containsOnly("Refunded 10 USD for order A-2; customer emailed.");
        assertThat(summaries.get(8))
                .isEqualTo("Refund of 10 USD for order A-2 not made: 80 USD of the 89.90 USD paid for order A-2"
                        + " has been refunded already, so at most 9.90 USD more can be refunded, not 10 USD;"
                        + " customer emailed.");
        assertThat(ledger.refunds()).hasSize(8);
        LedgerEmail ninth = ledger.emails().get(8);
        assertThat(ninth.to()).isEqualTo("ben.okafor@example.com");
        assertThat(ninth.subject()).isEqualTo("About your refund for order A-2");
        assertThat(ninth.body())
                .contains("We are sorry: we could not refund 10 USD for order A-2. 80 USD of the 89.90 USD paid"
                        + " for order A-2 has been refunded already, so at most 9.90 USD more can be refunded,"
                        + " not 10 USD.")
                .doesNotContain("Refund refused")
                .doesNotContain("failed");
    }

    private String run(UnaryOperator<ToolCall> decide) {
        return run("task-7", Conversation.standardInput(), decide);
    }

    /** Runs the task to its end, executing every call as the reviewer's {@code decide} leaves it. */
    private String run(String taskId, Map<String, Object> input, UnaryOperator<ToolCall> decide) {
        SupportAgent agent = new SupportAgent();
        List<TranscriptEntry> transcript = new ArrayList<>();
        for (int step = 1; step <= 10; step++) {
            AgentStep next = agent.nextStep(new AgentRequest(taskId, "support", "parcel damaged", input, transcript));
            if (next.kind() == StepKind.FINISH) {
                return next.summary();
            }
            ToolCall call = decide.apply(next.toolCall());
            assertThat(tools.violations(call.tool(), call.args()))
                    .as("arguments of %s", call)
                    .isEmpty();
            transcript.add(execute(taskId, call, "action-" + step));
        }
        throw new AssertionError("the agent did not finish in 10 steps: " + transcript);
    }

    private TranscriptEntry execute(String taskId, ToolCall call, String actionId) {
        Tool tool = tools.find(call.tool()).orElseThrow();
        try {
            Map<String, Object> result = tool.execute(
                    new ToolInvocation(taskId, actionId, call.tool(), call.args(), null, taskId + "/" + actionId));
            return new TranscriptEntry(TranscriptKind.TOOL_RESULT, actionId, call, result, null, null, null);
        } catch (dev.countersign.activities.tool.ToolException failure) {
            return new TranscriptEntry(
                    TranscriptKind.TOOL_FAILED, actionId, call, null, failure.getMessage(), null, null);
        }
    }
}
