package dev.countersign.task;

import dev.countersign.review.AttentionKind;
import dev.countersign.review.ReviewVerdict;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReviewMetricsTest {

    private static final Duration METERS = Duration.ofSeconds(10);

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private double count(String name, String... tags) {
        return harness.meters.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @Test
    void verdictsRollbacksAndCompensationFailuresAreCounted() {
        String taskId = harness.startRefund(250, "sampleAll");
        harness.awaitPending(taskId);
        harness.approve(taskId, "alice");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        harness.review(taskId, "a1", "olga", ReviewVerdict.FLAG, "why look it up twice");
        harness.tools.compensationsFail.set(true);
        harness.review(taskId, "a2", "alice", ReviewVerdict.ROLLBACK, "wrong order");
        harness.tools.compensationsFail.set(false);
        harness.attend(taskId, "a2", "olga", AttentionKind.RETRY, "");

        Eventually.reaches(
                "flags counted",
                METERS,
                () -> count(TaskMetrics.REVIEWS, "verdict", "flag", "tool", "lookup_order"),
                1);
        Eventually.reaches(
                "rollback verdicts counted",
                METERS,
                () -> count(TaskMetrics.REVIEWS, "verdict", "rollback", "rule", "medium-refunds"),
                1);
        Eventually.reaches(
                "compensation failures counted",
                METERS,
                () -> count(TaskMetrics.COMPENSATION_FAILURES, "tool", "issue_refund"),
                1);
        Eventually.reaches(
                "rollbacks counted",
                METERS,
                () -> count(TaskMetrics.ROLLBACKS, "tool", "issue_refund", "outcome", "rolled_back"),
                1);
    }
}
