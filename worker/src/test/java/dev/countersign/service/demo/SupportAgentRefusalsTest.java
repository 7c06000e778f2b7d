package dev.countersign.service.demo;

import static dev.countersign.agent.TranscriptKind.CHANGES_REQUESTED;
import static dev.countersign.agent.TranscriptKind.DENIED;
import static dev.countersign.agent.TranscriptKind.REJECTED;
import static dev.countersign.agent.TranscriptKind.TOOL_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepKind;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the agent does when a reviewer, the policy or a tool says no. */
class SupportAgentRefusalsTest {

    @Test
    void aRefundNobodyDecidedInTimeIsToldAsWaitingNeverAsARejection() {
        ToolCall email =
                emailAfterRefund(TranscriptKind.TIMED_OUT, "nobody decided within PT8H in tier finance-managers");

        assertThat((String) email.args().get("body"))
                .contains("is still waiting for a review")
                .doesNotContain("could not refund")
                .doesNotContain("PT8H");
    }

    @Test
    void theAgentDoesNotProposeARefundAgainAfterATimeout() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        conversation.outcome(TranscriptKind.TIMED_OUT, conversation.nextCall("issue_refund"), "nobody decided");

        AgentStep next = conversation.next();

        assertThat(next.kind()).isEqualTo(StepKind.TOOL_CALL);
        assertThat(next.toolCall().tool()).isEqualTo("send_email");
    }

    @Test
    void aRejectedRefundLeadsToAnApologyWithTheReviewersReason() {
        ToolCall email = emailAfterRefund(REJECTED, "the parcel was returned undamaged");

        assertThat(email.args()).containsEntry("to", "ana.silva@example.com");
        assertThat(email.args().get("subject")).isEqualTo("About your refund for order A-1");
        assertThat((String) email.args().get("body"))
                .contains("We are sorry: we could not refund 200 USD for order A-1.")
                .contains("Reason: the parcel was returned undamaged.");
    }

    @Test
    void aRejectedRefundWithoutAReasonStillApologises() {
        ToolCall email = emailAfterRefund(REJECTED, null);

        assertThat((String) email.args().get("body"))
                .contains("we could not refund 200 USD for order A-1.")
                .doesNotContain("Reason");
    }

    @Test
    void aDeniedRefundIsExplainedAsNotPossibleAutomaticallyWithoutThePolicysWords() {
        ToolCall email = emailAfterRefund(DENIED, "rule refunds-over-limit denies this call");

        assertThat((String) email.args().get("body"))
                .contains("could not be made automatically")
                .doesNotContain("refunds-over-limit");
    }

    @Test
    void aFailedRefundIsReportedAsFailedWithoutTheErrorText() {
        ToolCall email = emailAfterRefund(TOOL_FAILED, "java.sql.SQLException: connection refused");

        assertThat((String) email.args().get("body"))
                .contains("the refund of 200 USD for order A-1 failed")
                .doesNotContain("SQLException");
    }

    @Test
    void theSummaryAfterARejectedRefundSaysSoAndThatTheCustomerWasEmailed() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        conversation.outcome(REJECTED, conversation.nextCall("issue_refund"), "returned undamaged");
        conversation.ran(conversation.nextCall("send_email"), Map.of("emailId", "EM-1"));

        assertThat(conversation.next().summary())
                .isEqualTo("Refund of 200 USD for order A-1 rejected by a reviewer (returned undamaged);"
                        + " customer emailed.");
    }

    @Test
    void aRejectedEmailEndsTheTaskAndTheSummarySaysTheCustomerWasNotEmailed() {
        AgentStep finish = stepAfterEmail(REJECTED, "tone is wrong");

        assertThat(finish.kind()).isEqualTo(StepKind.FINISH);
        assertThat(finish.summary())
                .isEqualTo("Refunded 200 USD for order A-1; the email to the customer was rejected by a reviewer"
                        + " (tone is wrong).");
    }

    @Test
    void aDeniedOrFailedEmailEndsTheTask() {
        assertThat(stepAfterEmail(DENIED, "external mail is off").summary())
                .endsWith("the email to the customer was not allowed (external mail is off).");
        assertThat(stepAfterEmail(TOOL_FAILED, "smtp down").summary())
                .endsWith("the email to the customer failed (smtp down).");
    }

    @Test
    void changesRequestedOnTheEmailReproposeItAndAskForAnEdit() {
        AgentStep again = stepAfterEmail(CHANGES_REQUESTED, "be warmer");

        assertThat(again.kind()).isEqualTo(StepKind.TOOL_CALL);
        assertThat(again.toolCall().tool()).isEqualTo("send_email");
        assertThat(again.toolCall().rationale()).contains("be warmer", "edit the call");
    }

    @Test
    void aRejectedLookupStopsTheTaskWithoutRefundOrEmail() {
        Conversation conversation = Conversation.standard();
        conversation.outcome(REJECTED, conversation.nextCall("lookup_order"), "wrong customer");

        AgentStep finish = conversation.next();

        assertThat(finish.kind()).isEqualTo(StepKind.FINISH);
        assertThat(finish.summary()).contains("rejected looking up order A-1 (wrong customer)", "no refund");
    }

    @Test
    void aFailedLookupStillLeadsToARefundProposalThatSaysTheOrderWasNotChecked() {
        Conversation conversation = Conversation.standard();
        conversation.outcome(TOOL_FAILED, conversation.nextCall("lookup_order"), "database unavailable");

        ToolCall refund = conversation.nextCall("issue_refund");

        assertThat(refund.rationale()).contains("order A-1 could not be looked up (database unavailable)");
    }

    @Test
    void aLookupSentBackIsDoneAgain() {
        Conversation conversation = Conversation.standard();
        conversation.outcome(CHANGES_REQUESTED, conversation.nextCall("lookup_order"), "look again");

        assertThat(conversation.nextCall("lookup_order").args()).containsEntry("orderId", "A-1");
    }

    private static ToolCall emailAfterRefund(TranscriptKind kind, String text) {
        Conversation conversation = Conversation.standard().lookedUpA1();
        conversation.outcome(kind, conversation.nextCall("issue_refund"), text);
        return conversation.nextCall("send_email");
    }

    private static AgentStep stepAfterEmail(TranscriptKind kind, String text) {
        Conversation conversation = Conversation.standard().lookedUpA1();
        conversation.ran(
                conversation.nextCall("issue_refund"),
                Map.of("refundId", "RF-1", "orderId", "A-1", "amount", 200, "currency", "USD"));
        conversation.outcome(kind, conversation.nextCall("send_email"), text);
        return conversation.next();
    }
}
