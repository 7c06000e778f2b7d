package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.client.Countersign;
import dev.countersign.client.PayloadTooLarge;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** countersign.limits.max-payload: the facade refuses larger arguments before they reach Temporal. */
class PayloadLimitTest {

    private static final String FIVE_KB = "c".repeat(5 * 1024);

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
            .withBean(WorkflowClient.class, env::getWorkflowClient)
            .withBean(StarterFixtures.RefundTool.class, StarterFixtures.RefundTool::new)
            .withBean(StarterFixtures.OneRefundAgent.class, StarterFixtures.OneRefundAgent::new)
            .withPropertyValues("countersign.policy.location=classpath:policies/refunds.yaml");

    @AfterEach
    void close() {
        env.close();
    }

    private void withLimit(String limit, Consumer<Countersign> test) {
        runner.withPropertyValues("countersign.limits.max-payload=" + limit)
                .run(context -> test.accept(context.getBean(Countersign.class)));
    }

    @Test
    void anOversizedDecisionCommentIsRefusedBeforeItReachesTemporal() {
        withLimit("4KB", countersign -> {
            countersign.start(new TaskStart("big-comment", "refunder", "refund", Map.of("amount", 250), "dave"));
            TaskView pending = awaitPending(countersign, "big-comment");

            assertThatThrownBy(() -> countersign.decide(new DecisionRequest(
                            "d1",
                            pending.pendingApprovalId(),
                            "alice",
                            Set.of("support-leads"),
                            DecisionKind.REQUEST_CHANGES,
                            null,
                            null,
                            FIVE_KB)))
                    .isInstanceOfSatisfying(PayloadTooLarge.class, refused -> {
                        assertThat(refused.bytes()).isEqualTo(FIVE_KB.length());
                        assertThat(refused.limit()).isEqualTo(4096);
                        assertThat(refused).hasMessageContaining("the comment");
                    });
            assertThat(updatesOf("big-comment")).isZero();
            assertThat(countersign.task("big-comment").orElseThrow().status()).isEqualTo(TaskStatus.AWAITING_APPROVAL);
        });
    }

    @Test
    void oversizedGuidanceAnswersEditsReviewsAndGoalsAreRefused() {
        withLimit("4KB", countersign -> {
            countersign.start(new TaskStart("steered", "refunder", "refund", Map.of("amount", 250), "dave"));
            String approvalId = awaitPending(countersign, "steered").pendingApprovalId();

            assertThatThrownBy(() -> countersign.guide("steered", new TaskMessage("alice", FIVE_KB)))
                    .isInstanceOf(PayloadTooLarge.class);
            assertThatThrownBy(() -> countersign.answer("steered", new TaskMessage("alice", FIVE_KB)))
                    .isInstanceOf(PayloadTooLarge.class);
            assertThatThrownBy(() -> countersign.decide(new DecisionRequest(
                            "d2",
                            approvalId,
                            "alice",
                            Set.of("support-leads"),
                            DecisionKind.EDIT,
                            Map.of("amount", 200, "note", FIVE_KB),
                            null,
                            "")))
                    .isInstanceOf(PayloadTooLarge.class)
                    .hasMessageContaining("the edited arguments");
            assertThatThrownBy(() -> countersign.review(
                            "steered",
                            new ReviewRequest(
                                    "r1", "a1", "alice", Set.of("support-leads"), false, ReviewVerdict.FLAG, FIVE_KB)))
                    .isInstanceOf(PayloadTooLarge.class);
            assertThatThrownBy(() -> countersign.start(
                            new TaskStart("huge-goal", "refunder", FIVE_KB, Map.of("amount", 5), "dave")))
                    .isInstanceOf(PayloadTooLarge.class)
                    .hasMessageContaining("goal");
            assertThat(countersign.task("huge-goal")).isEmpty();
        });
    }

    @Test
    void argumentsWithinTheLimitPass() {
        withLimit("4KB", countersign -> {
            countersign.start(new TaskStart("fits", "refunder", "refund", Map.of("amount", 250), "dave"));
            String approvalId = awaitPending(countersign, "fits").pendingApprovalId();

            countersign.decide(new DecisionRequest(
                    "d3",
                    approvalId,
                    "alice",
                    Set.of("support-leads"),
                    DecisionKind.APPROVE,
                    null,
                    null,
                    "c".repeat(4000)));

            assertThat(countersign.task("fits").orElseThrow().actions().get(0).decisions())
                    .hasSize(1);
        });
    }

    @Test
    void theLimitDefaultsTo256KilobytesAndMayNotExceedTheWorkflowsOwnBound() {
        runner.run(context -> assertThat(context.getBean(PayloadLimits.class).maxPayloadBytes())
                .isEqualTo(256 * 1024));
        runner.withPropertyValues("countersign.limits.max-payload=1MB")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.limits.max-payload"));
        runner.withPropertyValues("countersign.limits.max-payload=0B")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.limits.max-payload"));
    }

    private long updatesOf(String taskId) {
        return env.getWorkflowClient().fetchHistory(taskId).getEvents().stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
                .count();
    }

    private static TaskView awaitPending(Countersign countersign, String taskId) {
        return FacadeOnTemporalTest.await(countersign, taskId, view -> view.pendingApproval() != null);
    }
}
