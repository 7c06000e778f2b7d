package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.TokenUsage;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tokens each model reply cost add up on the task; passing the agent's token budget ends it FAILED. */
class TokenBudgetTest {

    /** The refund agent, each of whose replies costs 400 prompt and 200 completion tokens. */
    private static final class Costly extends ConversationAgent {
        private final RefundTestAgent agent = new RefundTestAgent();

        @Override
        protected AgentStep next(AgentRequest request) {
            return agent.next(request).withUsage(new TokenUsage(400, 200, 600));
        }
    }

    private final TaskHarness harness = new TaskHarness(new Costly());

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aTaskWithinItsBudgetShowsTheTokensItSpent() {
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 5), "dave", new StepBudget(100, 50, 10_000));

        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.tokens()).isEqualTo(600L * done.steps());
    }

    @Test
    void passingTheTokenBudgetEndsTheTaskFailedAndWhatTheLastReplyProposedIsNotDone() {
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 5), "dave", new StepBudget(100, 50, 1_000));

        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.summary())
                .isEqualTo("the agent used 1200 tokens, more than its budget of 1000 (token-budget of agent 'support'"
                        + " in the agents file); what its last reply proposed was not done");
        assertThat(done.tokens()).isEqualTo(1200);
        assertThat(done.actions()).extracting(ActionView::tool).containsExactly("lookup_order");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }
}
