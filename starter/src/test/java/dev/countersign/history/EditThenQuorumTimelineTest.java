package dev.countersign.history;

import static dev.countersign.history.RecordedHistories.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * v1-edit: a $5000 refund held for two of finance; bob edits it to $4000, a stale approval is
 * refused by the validator, carol approves, and the edited refund runs.
 */
class EditThenQuorumTimelineTest {

    private final List<TimelineEvent> timeline = RecordedHistories.timeline("v1-edit");

    @Test
    void decisionsNameEachReviewerInOrder() {
        assertThat(ofKind(timeline, TimelineKind.DECISION))
                .extracting(
                        TimelineEvent::actor,
                        event -> event.details().get("decision"),
                        event -> event.details().get("state"),
                        event -> event.details().get("approvals"),
                        event -> event.details().get("required"))
                .containsExactly(tuple("bob", "edit", "PENDING", 1, 2), tuple("carol", "approve", "APPROVED", 2, 2));
    }

    @Test
    void editCarriesTheArgumentsTheReviewerSet() {
        TimelineEvent edit = ofKind(timeline, TimelineKind.DECISION).get(0);

        assertThat(edit.actionId()).isEqualTo("a2");
        assertThat(edit.tool()).isEqualTo("issue_refund");
        assertThat(edit.details())
                .containsEntry("approvalId", "v1-edit.a2")
                .containsEntry("args", Map.of("orderId", "Z-9", "amount", 4000, "currency", "USD"))
                .containsEntry("argsDigest", "8e8e22bc831ada39bf9dfbdce44137791c767876490e3f709d504c8d3f2d1c9f");
        assertThat(edit.summary())
                .isEqualTo(
                        "bob edited issue_refund to orderId=Z-9, amount=4000, currency=USD (1 of 2 approvals, now pending).");
    }

    @Test
    void policyVerdictOnTheEditIsToldAsTheEditorsAndHoldsNoNewApproval() {
        List<TimelineEvent> verdicts = ofKind(timeline, TimelineKind.POLICY_VERDICT).stream()
                .filter(verdict -> "a2".equals(verdict.actionId()))
                .toList();

        assertThat(verdicts).hasSize(2);
        assertThat(verdicts.get(0).details()).doesNotContainKey("editedBy");
        assertThat(verdicts.get(1).eventId()).isEqualTo(44L);
        assertThat(verdicts.get(1).details())
                .containsEntry("editedBy", "bob")
                .containsEntry("outcome", "APPROVE")
                .containsEntry("args", Map.of("orderId", "Z-9", "amount", 4000, "currency", "USD"));
        assertThat(verdicts.get(1).summary())
                .isEqualTo("The policy held bob's edit of issue_refund for review (rule large-refunds).");
        assertThat(ofKind(timeline, TimelineKind.AWAITING_APPROVAL))
                .singleElement()
                .satisfies(awaiting -> assertThat(awaiting.details())
                        .containsEntry("groups", List.of("finance"))
                        .containsEntry("required", 2));
    }

    @Test
    void staleApprovalRefusedByTheValidatorLeavesNoEvent() {
        assertThat(ofKind(timeline, TimelineKind.DECISION_FAILED)).isEmpty();
        assertThat(timeline).extracting(TimelineEvent::eventId).noneMatch(id -> id > 48 && id < 57);
    }

    @Test
    void editedRefundIsWhatRan() {
        assertThat(ofKind(timeline, TimelineKind.EXECUTED))
                .filteredOn(executed -> "a2".equals(executed.actionId()))
                .singleElement()
                .satisfies(executed -> assertThat(executed.details())
                        .containsEntry("args", Map.of("orderId", "Z-9", "amount", 4000, "currency", "USD")));
        assertThat(timeline.get(timeline.size() - 1).kind()).isEqualTo(TimelineKind.COMPLETED);
    }
}
