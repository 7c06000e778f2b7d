package dev.countersign.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.Compensation;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolException;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.autoconfigure.CountersignAutoConfiguration;
import dev.countersign.history.TaskHistoryReader;
import dev.countersign.inbox.ScanningTaskDirectory;
import dev.countersign.listing.ListingProperties;
import dev.countersign.listing.TaskReadFailures;
import dev.countersign.listing.TaskReads;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.review.RollbackRequest;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolInvocation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Reviews through the facade on a Temporal test service: the inbox, verdicts, and answers after the task ended. */
class FacadeReviewTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final ReversibleRefund refund = new ReversibleRefund();

    @AfterEach
    void close() {
        env.close();
    }

    private void withCountersign(Consumer<Countersign> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
                .withBean(WorkflowClient.class, env::getWorkflowClient)
                .withBean(ReversibleRefund.class, () -> refund)
                .withBean(OneRefundAgent.class, OneRefundAgent::new)
                .withPropertyValues("countersign.policy.location=classpath:policies/reviewed-refunds.yaml")
                .run(context -> test.accept(context.getBean(Countersign.class)));
    }

    private static String approvedRefundInReview(Countersign countersign) {
        String taskId = "refund-" + UUID.randomUUID();
        countersign.start(new TaskStart(taskId, "refunder", "refund", Map.of("amount", 250), "dave"));
        TaskView pending = await(countersign, taskId, view -> view.pendingApproval() != null);
        countersign.decide(new DecisionRequest(
                "d1",
                pending.pendingApprovalId(),
                "alice",
                Set.of("support-leads"),
                DecisionKind.APPROVE,
                null,
                null,
                ""));
        await(countersign, taskId, view -> view.status() == TaskStatus.IN_REVIEW);
        return taskId;
    }

    private static ReviewRequest rollback(String reviewer, Set<String> groups, boolean operator) {
        return new ReviewRequest(
                UUID.randomUUID().toString(), "a1", reviewer, groups, operator, ReviewVerdict.ROLLBACK, "wrong");
    }

    @Test
    void inboxListsWhatTheCallerMayReviewAndARollbackRunsTheCompensation() {
        withCountersign(countersign -> {
            String taskId = approvedRefundInReview(countersign);

            assertThat(countersign.reviewsFor("alice", Set.of("support-leads"), false))
                    .extracting(PendingReview::taskId)
                    .contains(taskId);
            assertThat(countersign.reviewsFor("bob", Set.of("finance"), false)).isEmpty();
            assertThat(countersign.reviewsFor("dave", Set.of("support-leads"), true))
                    .as("the requester never reviews their own task")
                    .isEmpty();

            var result = countersign.review(taskId, rollback("alice", Set.of("support-leads"), false));

            assertThat(result.review().state()).isEqualTo(ReviewState.ROLLED_BACK);
            assertThat(refund.reversals)
                    .extracting(CompensationRequest::idempotencyKey)
                    .containsExactly(taskId + "/a1/compensate");
            assertThat(countersign.reviewsFor("alice", Set.of("support-leads"), false))
                    .isEmpty();
        });
    }

    @Test
    void reviewWindowsAreOpenOrClosedByTheFacadesClock() {
        withCountersign(countersign -> {
            String taskId = approvedRefundInReview(countersign);
            Instant windowEnds = countersign
                    .task(taskId)
                    .orElseThrow()
                    .actions()
                    .get(0)
                    .review()
                    .windowEndsAt();

            assertThat(reviewsAt(windowEnds.minusSeconds(1), "alice"))
                    .extracting(PendingReview::taskId)
                    .containsExactly(taskId);
            assertThat(reviewsAt(windowEnds, "alice"))
                    .as("at its end the window is closed, whatever the system clock says")
                    .isEmpty();
        });
    }

    /** What a facade whose clock stands still at {@code now} lists for a support lead. */
    private List<PendingReview> reviewsAt(Instant now, String reviewer) {
        WorkflowClient client = env.getWorkflowClient();
        try (TaskReads reads =
                TaskReads.on(client, ListingProperties.defaults(), new TaskReadFailures(null, Clock.systemUTC()))) {
            TemporalCountersign fixed = new TemporalCountersign(
                    client,
                    new ScanningTaskDirectory(client),
                    AgentTaskWorkflow.TASK_QUEUE,
                    Set.of("refunder"),
                    new TaskHistoryReader(client, null),
                    reads,
                    Clock.fixed(now, ZoneOffset.UTC));
            return fixed.reviewsFor(reviewer, Set.of("support-leads"), false);
        }
    }

    @Test
    void failedRollbackIsInTheOperatorsInboxUntilAnOperatorRetriesIt() {
        withCountersign(countersign -> {
            String taskId = approvedRefundInReview(countersign);
            refund.providerDown = true;

            var failed = countersign.review(taskId, rollback("alice", Set.of("support-leads"), false));

            assertThat(failed.review().state()).isEqualTo(ReviewState.ROLLBACK_FAILED);
            assertThat(countersign.task(taskId).orElseThrow().status()).isEqualTo(TaskStatus.NEEDS_ATTENTION);
            assertThat(countersign.reviewsFor("olga", Set.of("operators"), true))
                    .extracting(PendingReview::taskId)
                    .containsExactly(taskId);
            assertThat(countersign.reviewsFor("alice", Set.of("support-leads"), false))
                    .isEmpty();

            refund.providerDown = false;
            var retried =
                    countersign.attend(taskId, new AttentionRequest("r1", "a1", "olga", true, AttentionKind.RETRY, ""));

            assertThat(retried.review().state()).isEqualTo(ReviewState.ROLLED_BACK);
            assertThat(refund.reversals).hasSize(1);
            assertThat(countersign.reviewsFor("olga", Set.of("operators"), true))
                    .isEmpty();
        });
    }

    @Test
    void rollbackAfterTheWindowClosedAndTheTaskEndedIsRefusedWithTheReason() {
        withCountersign(countersign -> {
            String taskId = approvedRefundInReview(countersign);
            env.sleep(Duration.ofHours(3));
            awaitResult(taskId);

            assertThatThrownBy(() -> countersign.review(taskId, rollback("alice", Set.of("support-leads"), false)))
                    .isInstanceOfSatisfying(DecisionRefused.class, refused -> {
                        assertThat(refused.type()).isEqualTo(DecisionRefusal.REVIEW_WINDOW_CLOSED);
                        assertThat(refused.getMessage()).contains("closed at");
                    });
            assertThatThrownBy(() -> countersign.rollback(
                            taskId, new RollbackRequest("r1", "olga", Set.of("operators"), true, "")))
                    .isInstanceOf(TaskNotActive.class);
            assertThat(refund.reversals).isEmpty();
        });
    }

    @Test
    void reviewOfAnUnknownTaskOrActionIsNotFound() {
        withCountersign(countersign -> {
            String taskId = approvedRefundInReview(countersign);

            assertThatThrownBy(() -> countersign.review("no-such-task", rollback("olga", Set.of(), true)))
                    .isInstanceOf(TaskNotFound.class);
            assertThatThrownBy(() -> countersign.review(
                            taskId, new ReviewRequest("x", "a7", "olga", Set.of(), true, ReviewVerdict.OK, "")))
                    .isInstanceOfSatisfying(
                            DecisionRefused.class,
                            refused -> assertThat(refused.type()).isEqualTo(DecisionRefusal.UNKNOWN_ACTION));
        });
    }

    private void awaitResult(String taskId) {
        try {
            WorkflowStub.fromTyped(env.getWorkflowClient().newWorkflowStub(AgentTaskWorkflow.class, taskId))
                    .getResult(20, TimeUnit.SECONDS, TaskView.class);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("task " + taskId + " did not end", e);
        }
    }

    private static TaskView await(Countersign countersign, String taskId, Predicate<TaskView> condition) {
        return TaskWaits.until(countersign, taskId, condition);
    }

    /** A refund whose compensation reverses it, remembering every reversal it was asked for. */
    static final class ReversibleRefund implements Tool {

        final List<CompensationRequest> reversals = new CopyOnWriteArrayList<>();
        volatile boolean providerDown;

        @Override
        public String name() {
            return "issue_refund";
        }

        @Override
        public ArgumentSchema schema() {
            return new ArgumentSchema(Map.of(), List.of(), true);
        }

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            return Map.of("refunded", invocation.args().get("amount"));
        }

        @Override
        public Compensation compensation() {
            return Compensation.by("reverse_refund", request -> {
                if (providerDown) {
                    throw new ToolException("ProviderDown", "the payment provider is down", false);
                }
                reversals.add(request);
                return Map.of("reversed", request.result().get("refunded"));
            });
        }
    }

    /** Refunds the input's amount once, then finishes. */
    static final class OneRefundAgent implements AgentModel {

        @Override
        public String agent() {
            return "refunder";
        }

        @Override
        public AgentStep nextStep(AgentRequest request) {
            if (!request.transcript().isEmpty()) {
                return AgentStep.finish("done");
            }
            return AgentStep.call(new ToolCall(
                    "issue_refund", Map.of("amount", request.input().get("amount")), "asked", 0.9, List.of()));
        }
    }
}
