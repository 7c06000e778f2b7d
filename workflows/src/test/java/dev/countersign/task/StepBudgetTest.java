package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StepBudgetTest {

    private final TaskHarness harness = new TaskHarness(new LongAgent(1_000, Set.of()));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void anAgentThatReachesItsStepBudgetEndsFailedWithASummaryNamingTheBudget() {
        String taskId = harness.start(Map.of(), TaskHarness.REQUESTER, new StepBudget(12, 5));

        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.summary())
                .isEqualTo(
                        "the agent reached its step budget of 12 steps (max-steps of agent 'support' in the agents file)"
                                + " without finishing");
        assertThat(done.steps()).isEqualTo(12);
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(12);
    }
}
