package dev.countersign.history;

import static dev.countersign.history.TimelineKind.COMPLETED;
import static dev.countersign.history.TimelineKind.REVIEWED;
import static dev.countersign.history.TimelineKind.ROLLBACK_FAILED;
import static dev.countersign.history.TimelineKind.ROLLED_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * v3-review-rollback: a sampled email found ok by olga, the approved refund rolled back by alice;
 * v3-compensation-retried: a rollback that failed three times, then olga's retry.
 */
class ReviewAndRollbackTimelineTest {

    @Test
    void verdictsAndRollbacksAreToldWithTheirReviewers() {
        List<TimelineEvent> timeline = RecordedHistories.timeline("v3-review-rollback");

        assertThat(RecordedHistories.ofKind(timeline, REVIEWED)).singleElement().satisfies(ok -> {
            assertThat(ok.actionId()).isEqualTo("a3");
            assertThat(ok.actor()).isEqualTo("olga");
            assertThat(ok.summary()).isEqualTo("olga found send_email in order.");
        });
        assertThat(RecordedHistories.ofKind(timeline, ROLLED_BACK))
                .singleElement()
                .satisfies(rollback -> {
                    assertThat(rollback.actionId()).isEqualTo("a2");
                    assertThat(rollback.tool()).isEqualTo("issue_refund");
                    assertThat(rollback.actor()).isEqualTo("alice");
                    assertThat(rollback.summary())
                            .contains("alice rolled back issue_refund")
                            .contains("reverse_refund");
                    assertThat(rollback.details()).containsEntry("compensation", "reverse_refund");
                });
        assertThat(timeline.get(timeline.size() - 1).kind()).isEqualTo(COMPLETED);
    }

    @Test
    void failedCompensationAndTheOperatorsRetryAreBothTold() {
        List<TimelineEvent> timeline = RecordedHistories.timeline("v3-compensation-retried");

        assertThat(RecordedHistories.ofKind(timeline, ROLLBACK_FAILED))
                .singleElement()
                .satisfies(failed -> {
                    assertThat(failed.actor()).isEqualTo("olga");
                    assertThat(failed.summary())
                            .contains("operators must act")
                            .contains("the payment provider is down");
                    assertThat(failed.details()).containsEntry("runs", 1);
                });
        assertThat(RecordedHistories.ofKind(timeline, ROLLED_BACK))
                .singleElement()
                .satisfies(retried -> {
                    assertThat(retried.details())
                            .containsEntry("verdict", "RETRY")
                            .containsEntry("runs", 2);
                });
    }
}
