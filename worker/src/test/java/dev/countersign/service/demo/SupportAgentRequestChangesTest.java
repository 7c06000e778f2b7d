package dev.countersign.service.demo;

import static dev.countersign.agent.TranscriptKind.CHANGES_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.ToolCall;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportAgentRequestChangesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "refund 120 instead        | 120",
                "please do $99.50          | 99.5",
                "120 EUR                   | 120",
                "make it 1,250.00 USD for A-1  | 1250",
                "order A-1: refund only 75     | 75",
                "the order has 2 items; refund only one, 125 USD | 125",
                "2 parcels arrived; 40 dollars is fair | 40",
            })
    void anAmountInTheFeedbackReplacesTheProposedAmount(String feedback, BigDecimal expected) {
        Conversation conversation = Conversation.standard().lookedUpA1();
        conversation.outcome(CHANGES_REQUESTED, conversation.nextCall("issue_refund"), feedback);

        ToolCall again = conversation.nextCall("issue_refund");

        assertThat(again.args()).containsEntry("amount", expected).containsEntry("orderId", "A-1");
        assertThat(again.rationale()).contains("amount changed from 200 USD to", feedback);
    }

    @Test
    void feedbackWithoutANumberKeepsTheAmountAndIsNotedInTheRationale() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        ToolCall first = conversation.nextCall("issue_refund");
        conversation.outcome(CHANGES_REQUESTED, first, "check the photos the customer sent first");

        ToolCall again = conversation.nextCall("issue_refund");

        assertThat(again.args()).isEqualTo(first.args());
        assertThat(again.rationale())
                .contains("order total 250 USD")
                .contains("A reviewer asked for changes: \"check the photos the customer sent first\"")
                .contains("amount kept at 200 USD");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "the order has 2 items; check them",
                "order A-1: only 75",
                "wait 3 days for the return",
                "no, 150",
            })
    void numbersThatDoNotStandNextToMoneyKeepTheAmount(String feedback) {
        Conversation conversation = Conversation.standard().lookedUpA1();
        ToolCall first = conversation.nextCall("issue_refund");
        conversation.outcome(CHANGES_REQUESTED, first, feedback);

        ToolCall again = conversation.nextCall("issue_refund");

        assertThat(again.args()).isEqualTo(first.args());
        assertThat(again.rationale()).contains("amount kept at 200 USD");
    }

    @Test
    void theLatestFeedbackCounts() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        conversation.outcome(CHANGES_REQUESTED, conversation.nextCall("issue_refund"), "refund 120 instead");
        conversation.outcome(CHANGES_REQUESTED, conversation.nextCall("issue_refund"), "no, 150 USD");

        assertThat(conversation.nextCall("issue_refund").args()).containsEntry("amount", new BigDecimal("150"));
    }

    @Test
    void feedbackWithoutANumberAfterAnEarlierChangeKeepsTheChangedAmount() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        conversation.outcome(CHANGES_REQUESTED, conversation.nextCall("issue_refund"), "refund 120 instead");
        conversation.outcome(CHANGES_REQUESTED, conversation.nextCall("issue_refund"), "add a note for accounting");

        assertThat(conversation.nextCall("issue_refund").args()).containsEntry("amount", new BigDecimal("120"));
    }

    @Test
    void emptyFeedbackReproposesTheSameRefund() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        ToolCall first = conversation.nextCall("issue_refund");
        conversation.outcome(CHANGES_REQUESTED, first, null);

        ToolCall again = conversation.nextCall("issue_refund");

        assertThat(again.args()).isEqualTo(first.args());
        assertThat(again.rationale()).contains("A reviewer asked for changes; amount kept at 200 USD.");
    }
}
