package dev.countersign.history;

import static dev.countersign.history.TimelineKind.AWAITING_APPROVAL;
import static dev.countersign.history.TimelineKind.COMPLETED;
import static dev.countersign.history.TimelineKind.DECISION;
import static dev.countersign.history.TimelineKind.EXECUTED;
import static dev.countersign.history.TimelineKind.POLICY_VERDICT;
import static dev.countersign.history.TimelineKind.PROPOSED;
import static dev.countersign.history.TimelineKind.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** v1-approve: a $250 refund held for one support lead, approved by alice, then run. */
class ApprovedRefundTimelineTest {

    private final List<TimelineEvent> timeline = RecordedHistories.timeline("v1-approve");

    @Test
    void tellsTheWholeStoryInOrder() {
        assertThat(timeline)
                .extracting(TimelineEvent::eventId, TimelineEvent::kind, TimelineEvent::actionId, TimelineEvent::tool)
                .containsExactly(
                        tuple(1L, STARTED, null, null),
                        tuple(9L, PROPOSED, "a1", "lookup_order"),
                        tuple(15L, POLICY_VERDICT, "a1", "lookup_order"),
                        tuple(21L, EXECUTED, "a1", "lookup_order"),
                        tuple(27L, PROPOSED, "a2", "issue_refund"),
                        tuple(33L, POLICY_VERDICT, "a2", "issue_refund"),
                        tuple(33L, AWAITING_APPROVAL, "a2", "issue_refund"),
                        tuple(43L, DECISION, "a2", "issue_refund"),
                        tuple(47L, EXECUTED, "a2", "issue_refund"),
                        tuple(53L, PROPOSED, "a3", "send_email"),
                        tuple(59L, POLICY_VERDICT, "a3", "send_email"),
                        tuple(65L, EXECUTED, "a3", "send_email"),
                        tuple(76L, COMPLETED, null, null));
        assertThat(timeline).extracting(TimelineEvent::at).isSorted();
        assertThat(timeline.get(0).at()).isEqualTo(Instant.parse("2026-11-25T01:21:12.992Z"));
    }

    @Test
    void startNamesTheRequesterGoalAndInput() {
        TimelineEvent started = timeline.get(0);

        assertThat(started.actor()).isEqualTo("dave");
        assertThat(started.details())
                .containsEntry("requester", "dave")
                .containsEntry("agent", "support")
                .containsEntry("goal", "refund")
                .containsEntry(
                        "input",
                        Map.of("orderId", "A-1", "amount", 250, "currency", "USD", "customer", "c@example.com"));
        assertThat(started.summary()).isEqualTo("dave started the task for the support agent: refund.");
    }

    @Test
    void proposalCarriesTheCallAsTheAgentMadeIt() {
        TimelineEvent refund = timeline.get(4);

        assertThat(refund.actor()).isNull();
        assertThat(refund.details())
                .containsEntry("tool", "issue_refund")
                .containsEntry("args", Map.of("orderId", "A-1", "amount", 250, "currency", "USD"))
                .containsEntry("confidence", 0.9)
                .containsEntry("tags", List.of());
        assertThat((String) refund.details().get("rationale")).startsWith("Customer reported \"refund\"");
        assertThat(refund.summary())
                .isEqualTo("The agent proposed issue_refund(orderId=A-1, amount=250, currency=USD).");
    }

    @Test
    void verdictsNameOutcomeRuleAndPolicyVersion() {
        TimelineEvent auto = timeline.get(2);
        TimelineEvent approve = timeline.get(5);

        assertThat(auto.details())
                .containsEntry("outcome", "AUTO")
                .containsEntry("rule", "lookups-and-emails")
                .containsEntry("tiers", List.of());
        assertThat(approve.details())
                .containsEntry("outcome", "APPROVE")
                .containsEntry("rule", "medium-refunds")
                .containsEntry("policyHash", "e0a35dfafb25ebcf43e0038af8a636a6f067c3435cba6ad770cdee5ee47d1d92")
                .containsEntry("argsDigest", "5fc8a17800a0ead354e8901a95746034ae3ee8b20639e4fd703456fe7fcfc620")
                .containsEntry("argumentsInvalid", false)
                .doesNotContainKey("reason")
                .doesNotContainKey("editedBy");
        assertThat(approve.details().get("tiers"))
                .asInstanceOf(InstanceOfAssertFactories.list(Map.class))
                .singleElement()
                .satisfies(tier -> assertThat(tier)
                        .containsEntry("name", "support-leads")
                        .containsEntry("groups", List.of("support-leads"))
                        .containsEntry("approvals", 1));
        assertThat(approve.summary()).isEqualTo("The policy held issue_refund for review (rule medium-refunds).");
    }

    @Test
    void heldCallNamesItsApprovalAndWhoMayDecide() {
        TimelineEvent awaiting = timeline.get(6);

        assertThat(awaiting.details())
                .containsEntry("approvalId", "v1-approve.a2")
                .containsEntry("tier", "support-leads")
                .containsEntry("groups", List.of("support-leads"))
                .containsEntry("required", 1)
                .containsEntry("rule", "medium-refunds");
        assertThat(awaiting.summary())
                .isEqualTo("issue_refund waits for 1 approval from support-leads (approval v1-approve.a2).");
    }

    @Test
    void decisionNamesTheReviewerAndTheApprovalsState() {
        TimelineEvent decision = timeline.get(7);

        assertThat(decision.actor()).isEqualTo("alice");
        assertThat(decision.details())
                .containsEntry("approvalId", "v1-approve.a2")
                .containsEntry("reviewer", "alice")
                .containsEntry("decision", "approve")
                .containsEntry("state", "APPROVED")
                .containsEntry("approvals", 1)
                .containsEntry("required", 1)
                .doesNotContainKey("args");
        assertThat(decision.summary()).isEqualTo("alice approved issue_refund (1 of 1 approval, now approved).");
    }

    @Test
    void executionCarriesTheToolsResult() {
        TimelineEvent refund = timeline.get(8);

        assertThat(refund.details())
                .containsEntry("args", Map.of("orderId", "A-1", "amount", 250, "currency", "USD"))
                .containsEntry(
                        "result", Map.of("refundId", "RF-1", "orderId", "A-1", "amount", 250.0, "currency", "USD"))
                .containsEntry("idempotencyKey", "v1-approve/a2");
        assertThat(refund.summary())
                .isEqualTo("issue_refund ran: refundId=RF-1, orderId=A-1, amount=250, currency=USD.");
    }

    @Test
    void endCarriesTheStatusAndTheAgentsSummary() {
        TimelineEvent end = timeline.get(timeline.size() - 1);

        assertThat(end.details())
                .containsEntry("status", "COMPLETED")
                .containsEntry("summary", "Refunded 250 USD for order A-1; customer emailed.");
        assertThat(end.summary()).isEqualTo("The task completed: Refunded 250 USD for order A-1; customer emailed.");
        assertThat(end.actor()).isNull();
    }
}
