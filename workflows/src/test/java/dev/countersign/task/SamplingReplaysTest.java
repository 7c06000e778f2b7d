package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.countersign.review.ReviewState;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sample pick is part of the policy activity's result in history, so a task replayed from its
 * history samples the same actions and reaches the same review states.
 */
class SamplingReplaysTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void theSameTaskReplayedFromHistorySamplesTheSameActions() {
        String taskId = ReviewScenarios.reviewAndRollback(harness);
        List<String> live = reviewStates(harness.result(taskId));
        WorkflowExecutionHistory history = harness.client.fetchHistory(taskId);

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, AgentTaskWorkflowImpl.class))
                .doesNotThrowAnyException();
        // A query on a closed task is answered by replaying its whole history on a worker.
        List<String> replayed = reviewStates(harness.stub(taskId).view());

        assertThat(replayed).isEqualTo(live).containsExactly("a1:SAMPLED", "a2:ROLLED_BACK", "a3:OK");
    }

    @Test
    void aReviewWithoutSampledActionsReplaysWithoutThem() {
        String taskId = harness.startRefund(5);
        TaskView done = harness.result(taskId);
        WorkflowExecutionHistory history = harness.client.fetchHistory(taskId);

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, AgentTaskWorkflowImpl.class))
                .doesNotThrowAnyException();
        assertThat(done.actions())
                .allSatisfy(a -> assertThat(a.review().state()).isEqualTo(ReviewState.NONE));
    }

    private static List<String> reviewStates(TaskView view) {
        return view.actions().stream()
                .map(a -> a.actionId() + ":" + a.review().state())
                .toList();
    }
}
