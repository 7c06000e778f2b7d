package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.review.AttentionKind;
import dev.countersign.review.ReviewVerdict;
import io.micrometer.core.instrument.Counter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReviewMetricsTest {

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

    private static void eventually(DoubleSupplier value, double expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsDouble() != expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(value.getAsDouble()).isEqualTo(expected);
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

        eventually(() -> count(TaskMetrics.REVIEWS, "verdict", "flag", "tool", "lookup_order"), 1);
        eventually(() -> count(TaskMetrics.REVIEWS, "verdict", "rollback", "rule", "medium-refunds"), 1);
        eventually(() -> count(TaskMetrics.COMPENSATION_FAILURES, "tool", "issue_refund"), 1);
        eventually(() -> count(TaskMetrics.ROLLBACKS, "tool", "issue_refund", "outcome", "rolled_back"), 1);
    }
}
