package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.PendingApproval;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a run of automatic steps sends its decision record in a few batches, not one call per
 * step, while a call that waits for a person has its rows sent before anyone decides, and nothing
 * is lost on the way.
 */
class DecisionRecordSentInBatchesTest {

    private static final int CALLS = 60;

    /** Near the end, so that what runs after the approval ends well within the harness's wait for the result. */
    private static final int APPROVAL_STEP = 55;

    private final LongAgent agent = new LongAgent(CALLS, Set.of(APPROVAL_STEP));
    private final TaskHarness harness = new TaskHarness(agent);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void sixtyStepsCostAFewCallsToTheStore() {
        String taskId = harness.start(Map.of(), TaskHarness.REQUESTER, new StepBudget(10_000, 500));
        PendingApproval pending = harness.awaitView(
                        taskId, view -> view.pendingApproval() != null, Duration.ofMinutes(3))
                .pendingApproval();
        assertThat(pending.actionId()).isEqualTo("a" + APPROVAL_STEP);
        assertThat(harness.records.of(taskId))
                .as("the waiting call's proposal and verdict are stored before anyone decides")
                .anySatisfy(row ->
                        assertThat(row.actionId() + " " + row.eventKey()).isEqualTo("a" + APPROVAL_STEP + " verdict"));

        harness.approve(taskId, "alice");
        harness.result(taskId);

        List<DecisionRecordRow> rows = harness.records.of(taskId);
        assertThat(rows).hasSize(CALLS * 3 + 1);
        assertThat(rows.stream().filter(row -> row.kind() == DecisionEvent.EXECUTION))
                .hasSize(CALLS);
        assertThat(harness.records.calls.get())
                .as("calls to the store for %d steps", CALLS)
                .isLessThanOrEqualTo(CALLS / DecisionRecorder.BATCH_ACTIONS + 4);
        WorkflowExecutionHistory history = TaskRuns.of(harness.client, taskId).get(0);
        long storeCalls = history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .filter(event -> event.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .equals("RecordDecisions"))
                .count();
        assertThat(storeCalls).isEqualTo(harness.records.calls.get());
    }
}
