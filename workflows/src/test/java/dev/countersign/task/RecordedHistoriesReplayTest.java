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
 * Histories recorded from the demo service (approve, edit then quorum, reject, request changes),
 * before and after each versioned change, must replay on the current implementation: a change that would break running tasks fails here.
 */
class RecordedHistoriesReplayTest {

    static Stream<String> histories() {
        return Stream.of(
                // before search attributes (no version marker)
                "demo-approve-250",
                "demo-edit-then-quorum",
                "demo-reject",
                "demo-changes",
                // search-attributes version 1
                "v1-approve",
                "v1-edit",
                "v1-reject",
                "v1-changes",
                // notifications version 1, tiers with SLAs: escalation, timeout, approval after escalation
                "v2-approve",
                "v2-timeout",
                "v2-escalated",
                "v2-edit",
                // post-action-review version 1: a sampled email found ok and an approved refund rolled
                // back; a rollback that failed three times, then an operator's retry (ReviewHistoryRecorder)
                "v3-review-rollback",
                "v3-compensation-retried");
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
        public PausingFirstWorkflow(TaskStart start) {
            super(start);
        }

        @Override
        public TaskView run(TaskStart start) {
            Workflow.sleep(Duration.ofSeconds(1));
            return super.run(start);
        }
    }
}
