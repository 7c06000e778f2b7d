package dev.countersign.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded from the demo with 6-second SLAs: nobody answered finance, then nobody answered managers. */
class EscalationTimelineTest {

    @Test
    void silentTiersShowAsNotifiedEscalatedAndATimeoutNeverAsAReviewersDecision() {
        List<TimelineEvent> events = RecordedHistories.timeline("v2-timeout");

        assertThat(events)
                .extracting(TimelineEvent::kind)
                .containsSubsequence(
                        TimelineKind.AWAITING_APPROVAL,
                        TimelineKind.NOTIFIED,
                        TimelineKind.ESCALATED,
                        TimelineKind.NOTIFIED,
                        TimelineKind.TIMED_OUT,
                        TimelineKind.COMPLETED)
                .doesNotContain(TimelineKind.DECISION);
        assertThat(events)
                .filteredOn(event -> event.kind() == TimelineKind.TIMED_OUT)
                .singleElement()
                .satisfies(timedOut -> {
                    assertThat(timedOut.actor()).isNull();
                    assertThat(timedOut.actionId()).isEqualTo("a2");
                    assertThat(timedOut.summary()).startsWith("Nobody decided on issue_refund in time");
                });
        TimelineEvent escalated = events.stream()
                .filter(event -> event.kind() == TimelineKind.ESCALATED)
                .findFirst()
                .orElseThrow();
        assertThat(escalated.actor()).isNull();
        assertThat(escalated.details()).containsEntry("tier", "finance-managers");
        assertThat(escalated.summary()).contains("nobody decided within PT6S");
        assertThat(events.get(events.size() - 1).summary()).contains("nobody decided on it in time");
    }

    @Test
    void approvalAfterEscalationIsTheManagersDecision() {
        List<TimelineEvent> events = RecordedHistories.timeline("v2-escalated");

        assertThat(events)
                .filteredOn(event -> event.kind() == TimelineKind.DECISION)
                .singleElement()
                .satisfies(decision -> {
                    assertThat(decision.actor()).isEqualTo("frank");
                    assertThat(decision.details()).containsEntry("decision", "approve");
                });
    }
}
