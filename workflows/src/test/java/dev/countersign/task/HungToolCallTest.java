package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call to a tool that is not idempotent hangs without heartbeats, as on a dead worker; the server
 * times the attempt out after the task's heartbeat timeout. The test server does not skip time while an
 * activity runs, so this test takes that long (20 s).
 */
class HungToolCallTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.tools.releaseHung.countDown();
        harness.close();
    }

    @Test
    void heartbeatTimeoutLeavesTheOutcomeUnknownAndTheToolIsNotRunAgain() {
        harness.tools.hangsMidCall.add("issue_refund");
        String taskId = harness.startRefund(5);
        Eventually.until(
                "the refund's first attempt is running",
                Duration.ofSeconds(20),
                () -> harness.tools.executionsOf("issue_refund"),
                count -> count == 1);

        TaskView view = harness.awaitView(
                taskId,
                v -> v.status() == TaskStatus.NEEDS_ATTENTION,
                TaskActivities.HEARTBEAT_TIMEOUT.multipliedBy(2));
        assertThat(TaskHarness.action(view, "issue_refund").state()).isEqualTo(ActionState.OUTCOME_UNKNOWN);
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(2);
    }
}
