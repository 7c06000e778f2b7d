package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A long complaint or feedback is not copied into the agent's rationales, which land in history again. */
class SupportAgentQuotesLittleTest {

    private static final String THREE_MB = "broken ".repeat(3 * 1024 * 1024 / 7);

    @Test
    void aHugeComplaintIsQuotedByItsBeginningOnly() {
        Map<String, Object> input = Conversation.standardInput();
        input.put("reason", THREE_MB);
        Conversation conversation = Conversation.with(input);

        ToolCall lookup = conversation.nextCall(LookupOrderTool.NAME);
        ToolCall refund = conversation.ran(lookup, Conversation.orderA1()).nextCall(IssueRefundTool.NAME);

        assertThat(lookup.rationale()).contains("broken broken").contains("…").hasSizeLessThan(300);
        assertThat(refund.rationale()).startsWith("Customer reported \"broken").hasSizeLessThan(400);
    }

    @Test
    void hugeFeedbackIsQuotedByItsBeginningOnly() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        ToolCall refund = conversation.nextCall(IssueRefundTool.NAME);

        ToolCall again = conversation
                .outcome(TranscriptKind.CHANGES_REQUESTED, refund, "refund 150 USD please; " + THREE_MB)
                .nextCall(IssueRefundTool.NAME);

        assertThat(again.rationale()).contains("refund 150 USD please").hasSizeLessThan(1000);
    }
}
