package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.TaskWaits;
import dev.countersign.task.TaskStart;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The facade sends a decision under an update id that the Temporal server deduplicates: an exact
 * retry gets the first answer, a different decision under the same key is refused by the workflow,
 * not answered by the server with the first decision's result.
 */
class IdempotencyKeyThroughTheFacadeTest {

    private static final Set<String> LEADS = Set.of("support-leads");

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    @AfterEach
    void close() {
        env.close();
    }

    private void withCountersign(Consumer<Countersign> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
                .withBean(WorkflowClient.class, env::getWorkflowClient)
                .withBean(StarterFixtures.RefundTool.class, StarterFixtures.RefundTool::new)
                .withBean(StarterFixtures.OneRefundAgent.class, StarterFixtures.OneRefundAgent::new)
                .withPropertyValues("countersign.policy.location=classpath:policies/refunds-two-leads.yaml")
                .run(context -> test.accept(context.getBean(Countersign.class)));
    }

    private static String pendingApproval(Countersign countersign, String taskId) {
        countersign.start(new TaskStart(taskId, "refunder", "refund", Map.of("amount", 50.0), "dave"));
        return TaskWaits.until(countersign, taskId, view -> view.pendingApproval() != null)
                .pendingApprovalId();
    }

    private static DecisionRequest decision(String approvalId, DecisionKind kind, String comment) {
        return new DecisionRequest("k1", approvalId, "alice", LEADS, kind, null, null, comment);
    }

    @Test
    void theSameKeyWithTheSameDecisionGetsTheFirstAnswer() {
        withCountersign(countersign -> {
            String approvalId = pendingApproval(countersign, "same");

            DecisionResult first = countersign.decide(decision(approvalId, DecisionKind.APPROVE, ""));
            DecisionResult retry = countersign.decide(decision(approvalId, DecisionKind.APPROVE, ""));

            assertThat(retry).isEqualTo(first);
            assertThat(first.state()).isEqualTo(ApprovalState.PENDING);
            assertThat(countersign.approval(approvalId).orElseThrow().approvals())
                    .isEqualTo(1);
        });
    }

    @Test
    void theSameKeyWithADifferentDecisionIsRefusedNamingTheFirst() {
        withCountersign(countersign -> {
            String approvalId = pendingApproval(countersign, "reused");
            countersign.decide(decision(approvalId, DecisionKind.APPROVE, ""));

            assertThatThrownBy(() -> countersign.decide(decision(approvalId, DecisionKind.REJECT, "no after all")))
                    .isInstanceOfSatisfying(DecisionRefused.class, refused -> {
                        assertThat(refused.type()).isEqualTo(DecisionRefusal.IDEMPOTENCY_KEY_REUSED);
                        assertThat(refused.getMessage())
                                .startsWith("Idempotency-Key k1 was used for approve of " + approvalId + " at ");
                    });
            assertThat(countersign.approval(approvalId).orElseThrow().approvals())
                    .isEqualTo(1);
        });
    }
}
