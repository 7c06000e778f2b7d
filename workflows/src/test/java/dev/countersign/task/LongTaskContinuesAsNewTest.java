package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.PendingApproval;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task of 300 tool calls that continues as new every 50 steps, with approvals at steps 10, 150
 * and 290 (the one at 150 is held when the run hands over, so it waits in the next run): every
 * approval is decided once, every tool runs once, each run's history costs about the same per step,
 * and the state handed over stays small although every call is compensable.
 */
class LongTaskContinuesAsNewTest {

    private static final int CALLS = 300;
    private static final Set<Integer> APPROVALS = Set.of(10, 150, 290);

    private final LongAgent agent = new LongAgent(CALLS, APPROVALS);
    private final TaskHarness harness = new TaskHarness(agent);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void threeHundredStepsWithApprovalsRunOnceEachAcrossRuns() {
        String taskId = harness.start(Map.of(), TaskHarness.REQUESTER, new StepBudget(10_000, 50));
        for (int step : List.of(10, 150, 290)) {
            PendingApproval pending = harness.awaitView(
                            taskId, view -> view.pendingApproval() != null, Duration.ofMinutes(3))
                    .pendingApproval();
            assertThat(pending.actionId()).isEqualTo("a" + step);
            harness.approve(taskId, "alice");
        }

        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.summary()).isEqualTo("made 300 refunds");
        assertThat(done.steps()).isEqualTo(CALLS + 1);
        assertThat(done.counts().total()).isEqualTo(CALLS);
        assertThat(done.counts().byState()).containsExactly(Map.entry(ActionState.EXECUTED, CALLS));
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(CALLS);
        assertThat(harness.tools.sideEffects).hasSize(CALLS);

        Map<String, ActionView> every = harness.everyAction(taskId, done).stream()
                .collect(Collectors.toMap(ActionView::actionId, Function.identity()));
        assertThat(every).hasSize(CALLS);
        for (int step : APPROVALS) {
            assertThat(every.get("a" + step).decisions())
                    .singleElement()
                    .satisfies(decision -> assertThat(decision.reviewer()).isEqualTo("alice"));
        }
        assertThat(every.values().stream().filter(action -> !action.decisions().isEmpty()))
                .hasSize(APPROVALS.size());

        List<WorkflowExecutionHistory> runs = TaskRuns.of(harness.client, taskId);
        for (int run = 0; run < runs.size(); run++) {
            System.out.printf(
                    "LongTaskContinuesAsNewTest run %d: %d events, %d bytes, carried %d bytes%n",
                    run + 1,
                    runs.get(run).getEvents().size(),
                    TaskRuns.bytes(runs.get(run)),
                    TaskRuns.carriedBytes(runs.get(run)));
        }
        assertThat(runs).hasSize(CALLS / 50 + 1);
        double first = (double) TaskRuns.bytes(runs.get(0)) / 50;
        double last = (double) TaskRuns.bytes(runs.get(runs.size() - 2)) / 50;
        assertThat(last).as("bytes per step of a late run against the first").isLessThan(1.5 * first);
        assertThat(runs)
                .allSatisfy(run -> assertThat(TaskRuns.carriedBytes(run)).isLessThan(256 * 1024));
    }
}
