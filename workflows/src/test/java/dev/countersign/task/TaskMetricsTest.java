package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskMetricsTest {

    private static final Duration METERS = Duration.ofSeconds(10);

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

        Eventually.reaches("approvals counted", METERS, () -> decisions("approved"), 1);
        Eventually.reaches("rejections counted", METERS, () -> decisions("rejected"), 1);
        Eventually.reaches("automatic decisions counted", METERS, () -> decisions("auto"), 4);
        Timer waited = harness.meters.find(TaskMetrics.TIME_TO_DECISION).timer();
        assertThat(waited).isNotNull();
        Eventually.reaches("decisions timed", METERS, () -> waited.count(), 2);
    }

    @Test
    void toolExecutionsAreCountedByToolAndOutcome() {
        harness.result(harness.startRefund(5));

        Eventually.reaches(
                "refund executions counted",
                METERS,
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
