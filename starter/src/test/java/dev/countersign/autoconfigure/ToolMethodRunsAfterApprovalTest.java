package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.client.Countersign;
import dev.countersign.client.TaskWaits;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A Spring AI {@code @Tool} method goes through the policy and a reviewer's approval before it runs. */
class ToolMethodRunsAfterApprovalTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final SupportDesk desk = new SupportDesk();
    private final ApplicationContextRunner runner =
            StarterFixtures.refunder(env).withBean(SupportDesk.class, () -> desk);

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void anApprovedCallRunsTheMethodOnceWithTheActionsIdempotencyKey() {
        runner.run(context -> {
            Countersign countersign = context.getBean(Countersign.class);
            countersign.start(new TaskStart("desk", "refunder", "refund", Map.of("amount", 50), "dave"));

            TaskView waiting = TaskWaits.until(countersign, "desk", view -> view.pendingApproval() != null);
            assertThat(desk.calls).isEmpty();
            countersign.decide(new DecisionRequest(
                    "d1",
                    waiting.pendingApprovalId(),
                    "alice",
                    Set.of("support-leads"),
                    DecisionKind.APPROVE,
                    null,
                    null,
                    ""));
            TaskView done = TaskWaits.until(countersign, "desk", view -> view.status() == TaskStatus.COMPLETED);

            ActionView refund = done.actions().get(0);
            assertThat(refund.state()).isEqualTo(ActionState.EXECUTED);
            assertThat(refund.result().get("refunded")).hasToString("50");
            assertThat(desk.calls).containsExactly("refund 50 key desk/" + refund.actionId());
        });
    }

    @Test
    void aCallWithArgumentsTheMethodDoesNotTakeNeverReachesAReviewerOrTheMethod() {
        runner.run(context -> {
            Countersign countersign = context.getBean(Countersign.class);
            countersign.start(new TaskStart("bad", "refunder", "refund", Map.of("amount", "fifty"), "dave"));

            TaskView done = TaskWaits.until(countersign, "bad", view -> view.status() == TaskStatus.COMPLETED);

            assertThat(done.actions().get(0).state()).isEqualTo(ActionState.DENIED);
            assertThat(done.actions().get(0).reason()).contains("'amount' must be a number");
            assertThat(desk.calls).isEmpty();
        });
    }
}
