package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Histories recorded by {@link HistoryRecorder} must replay on the current implementation: a change
 * that would break running tasks fails here. They were re-recorded once, before the first release,
 * when the task's state became one carried holder; from then on a change to workflow logic keeps
 * them replaying (with {@code Workflow.getVersion} where it changes commands).
 */
class RecordedHistoriesReplayTest {

    static Stream<String> histories() {
        return Stream.of(
                "approve",
                "edit-then-quorum",
                "reject",
                "request-changes",
                "escalated",
                "timed-out",
                "review-rollback",
                "compensation-retried",
                // a non-idempotent tool's worker died mid-call; an operator said it was done
                "outcome-unknown-done",
                // a task that continued as new twice, an approval pending across the first handover
                "continued-run-1",
                "continued-run-2",
                "continued-run-3",
                // a reply with two calls, the refund rejected, then refused again without asking
                "several-calls-refused-again",
                // the order id normalized for the policy, then an edit normalized the same way
                "normalized-arguments",
                // a gateway task: approved and collected, run and reported by the agent, rejected, expired
                "submitted-calls",
                // a refund edited, then rolled back in review, its decision record sent to the store
                "decision-record",
                // the same, its decision record sent in batches
                "decision-record-batched",
                // an edit, then a quorum, and an escalation, each publishing the pending approvals in the memo
                "inbox-memo-quorum",
                "inbox-memo-escalated",
                // an approved refund run as a local activity, and an automatic one that failed as one
                "local-tool",
                "local-tool-failed");
    }

    @ParameterizedTest
    @MethodSource("histories")
    void recordedDemoTaskReplaysOnTheCurrentWorkflow(String name) throws IOException {
        WorkflowExecutionHistory history = load(name);

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, AgentTaskWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("histories")
    void aWorkflowThatIssuesOtherCommandsFailsReplay(String name) throws IOException {
        WorkflowExecutionHistory history = load(name);

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, PausingFirstWorkflow.class))
                .hasMessageContaining(NonDeterministicException.class.getName())
                .hasMessageContaining("does not match command type COMMAND_TYPE_START_TIMER");
    }

    private static WorkflowExecutionHistory load(String name) throws IOException {
        try (InputStream in = RecordedHistoriesReplayTest.class.getResourceAsStream("/histories/" + name + ".json")) {
            return WorkflowExecutionHistory.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The same workflow with one extra timer at the start: what an unversioned change looks like. */
    public static class PausingFirstWorkflow extends AgentTaskWorkflowImpl {

        @WorkflowInit
        public PausingFirstWorkflow(TaskStart start, TaskState carried) {
            super(start, carried);
        }

        @Override
        public TaskView run(TaskStart start, TaskState carried) {
            Workflow.sleep(Duration.ofSeconds(1));
            return super.run(start, carried);
        }
    }
}
