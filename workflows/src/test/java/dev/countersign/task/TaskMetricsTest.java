package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskMetricsTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private double decisions(String outcome) {
        return harness.meters.find(TaskMetrics.DECISIONS).tag("outcome", outcome).counters().stream()
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
    void decisionsAreCountedByOutcomeAndTimedFromRequestToDecision() {
        String approved = harness.startRefund(250);
        harness.awaitPending(approved);
        harness.approve(approved, "alice");
        harness.result(approved);
        String rejected = harness.startRefund(300);
        harness.awaitPending(rejected);
        harness.decide(rejected, "alice", DecisionKind.REJECT, null, null, "no");
        harness.result(rejected);

        eventually(() -> decisions("approved"), 1);
        eventually(() -> decisions("rejected"), 1);
        eventually(() -> decisions("auto"), 4);
        Timer waited = harness.meters.find(TaskMetrics.TIME_TO_DECISION).timer();
        assertThat(waited).isNotNull();
        eventually(() -> waited.count(), 2);
    }

    @Test
    void toolExecutionsAreCountedByToolAndOutcome() {
        harness.result(harness.startRefund(5));

        eventually(
                () -> {
                    Counter counter = harness.meters
                            .find(TaskMetrics.TOOL_EXECUTIONS)
                            .tags("tool", "issue_refund", "outcome", "executed")
                            .counter();
                    return counter == null ? 0 : counter.count();
                },
                1);
    }
}
