package dev.countersign.history;

import static dev.countersign.history.RecordedHistories.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** v1-changes: alice sends the $250 refund back; the agent proposes $120, which she approves. */
class RequestedChangesTimelineTest {

    private final List<TimelineEvent> timeline = RecordedHistories.timeline("v1-changes");

    @Test
    void requestForChangesIsFollowedByASecondProposal() {
        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.DECISION || event.kind() == TimelineKind.PROPOSED)
                .extracting(TimelineEvent::kind, TimelineEvent::actionId, TimelineEvent::actor)
                .containsExactly(
                        tuple(TimelineKind.PROPOSED, "a1", null),
                        tuple(TimelineKind.PROPOSED, "a2", null),
                        tuple(TimelineKind.DECISION, "a2", "alice"),
                        tuple(TimelineKind.PROPOSED, "a3", null),
                        tuple(TimelineKind.DECISION, "a3", "alice"),
                        tuple(TimelineKind.PROPOSED, "a4", null));
    }

    @Test
    void feedbackAndTheChangedAmountAreBothTold() {
        TimelineEvent changes = ofKind(timeline, TimelineKind.DECISION).get(0);
        TimelineEvent second = ofKind(timeline, TimelineKind.PROPOSED).get(2);

        assertThat(changes.details())
                .containsEntry("decision", "request_changes")
                .containsEntry("comment", "refund 120 instead")
                .containsEntry("state", "CHANGES_REQUESTED");
        assertThat(changes.summary()).isEqualTo("alice sent issue_refund back to the agent: refund 120 instead.");
        assertThat(second.tool()).isEqualTo("issue_refund");
        assertThat(second.details()).containsEntry("args", Map.of("orderId", "A-1", "amount", 120, "currency", "USD"));
    }

    @Test
    void secondProposalHasItsOwnApproval() {
        assertThat(ofKind(timeline, TimelineKind.AWAITING_APPROVAL))
                .extracting(event -> event.details().get("approvalId"))
                .containsExactly("v1-changes.a2", "v1-changes.a3");
        assertThat(ofKind(timeline, TimelineKind.EXECUTED))
                .filteredOn(executed -> "issue_refund".equals(executed.tool()))
                .singleElement()
                .satisfies(executed -> {
                    assertThat(executed.actionId()).isEqualTo("a3");
                    assertThat(executed.details())
                            .containsEntry("args", Map.of("orderId", "A-1", "amount", 120, "currency", "USD"));
                });
    }
}
