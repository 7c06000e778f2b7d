package dev.countersign.history;

import static dev.countersign.history.RecordedHistories.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** v1-reject: alice rejects the $250 refund as a duplicate; the agent only emails the customer. */
class RejectedRefundTimelineTest {

    private final List<TimelineEvent> timeline = RecordedHistories.timeline("v1-reject");

    @Test
    void rejectionNamesTheReviewerAndTheReason() {
        assertThat(ofKind(timeline, TimelineKind.DECISION)).singleElement().satisfies(rejection -> {
            assertThat(rejection.actor()).isEqualTo("alice");
            assertThat(rejection.actionId()).isEqualTo("a2");
            assertThat(rejection.details())
                    .containsEntry("decision", "reject")
                    .containsEntry("comment", "duplicate request")
                    .containsEntry("state", "REJECTED");
            assertThat(rejection.summary()).isEqualTo("alice rejected issue_refund: duplicate request.");
        });
    }

    @Test
    void rejectedRefundNeverRan() {
        assertThat(ofKind(timeline, TimelineKind.EXECUTED))
                .extracting(TimelineEvent::actionId, TimelineEvent::tool)
                .containsExactly(tuple("a1", "lookup_order"), tuple("a3", "send_email"));
        assertThat(timeline.get(timeline.size() - 1).details())
                .containsEntry("status", "COMPLETED")
                .containsEntry(
                        "summary",
                        "Refund of 250 USD for order A-1 rejected by a reviewer (duplicate request); customer emailed.");
    }
}
