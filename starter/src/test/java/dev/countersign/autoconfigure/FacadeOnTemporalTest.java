package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.StartedTask;
import dev.countersign.client.TaskConflict;
import dev.countersign.client.TaskNotActive;
import dev.countersign.client.TaskNotFound;
import dev.countersign.client.TaskWaits;
import dev.countersign.client.UnknownAgent;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The facade against a Temporal test service, with the worker the starter configures. */
class FacadeOnTemporalTest {

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
                .withPropertyValues("countersign.policy.location=classpath:policies/refunds.yaml")
                .run(context -> test.accept(context.getBean(Countersign.class)));
    }

    private static TaskStart refund(String taskId, double amount) {
        return new TaskStart(taskId, "refunder", "refund", Map.of("amount", amount), "dave");
    }

    static TaskView await(Countersign countersign, String taskId, Predicate<TaskView> condition) {
        return TaskWaits.until(countersign, taskId, condition);
    }

    @Test
    void startingTheSameTaskTwiceStartsOneTask() {
        withCountersign(countersign -> {
            StartedTask first = countersign.start(refund("same", 5));
            StartedTask again = countersign.start(refund("same", 5));

            assertThat(first.created()).isTrue();
            assertThat(again.created()).isFalse();
            assertThat(countersign.tasks(10)).extracting(TaskView::taskId).containsOnlyOnce("same");
        });
    }

    @Test
    void startingAnExistingIdWithOtherInputIsAConflict() {
        withCountersign(countersign -> {
            countersign.start(refund("conflict", 5));

            assertThatThrownBy(() -> countersign.start(refund("conflict", 6))).isInstanceOf(TaskConflict.class);
        });
    }

    @Test
    void unknownAgentIsRefusedBeforeAnythingStarts() {
        withCountersign(countersign -> {
            assertThatThrownBy(() -> countersign.start(new TaskStart("x", "nobody", "", Map.of(), "dave")))
                    .isInstanceOf(UnknownAgent.class)
                    .hasMessageContaining("refunder");
            assertThat(countersign.task("x")).isEmpty();
        });
    }

    @Test
    void inboxShowsOnlyWhatTheReviewerMayDecide() {
        withCountersign(countersign -> {
            countersign.start(refund("inbox", 50));
            PendingApproval pending = await(countersign, "inbox", view -> view.pendingApproval() != null)
                    .pendingApproval();

            assertThat(countersign.approvalsFor("alice", Set.of("support-leads")))
                    .extracting(PendingApproval::approvalId)
                    .containsExactly(pending.approvalId());
            assertThat(countersign.approvalsFor("bob", Set.of("finance"))).isEmpty();
            assertThat(countersign.approvalsFor("dave", Set.of("support-leads")))
                    .isEmpty();
            assertThat(countersign.approval(pending.approvalId())).contains(pending);
        });
    }

    @Test
    void refusalsComeBackAsTypedExceptions() {
        withCountersign(countersign -> {
            countersign.start(refund("refusals", 50));
            String approvalId = await(countersign, "refusals", view -> view.pendingApproval() != null)
                    .pendingApprovalId();

            assertThatThrownBy(() -> countersign.decide(decision(approvalId, "bob", Set.of("finance"))))
                    .isInstanceOfSatisfying(
                            DecisionRefused.class,
                            refused -> assertThat(refused.type()).isEqualTo(DecisionRefusal.NOT_AN_APPROVER));
            assertThatThrownBy(() -> countersign.decide(decision("refusals.a7", "alice", Set.of("support-leads"))))
                    .isInstanceOf(ApprovalNotFound.class);
            assertThatThrownBy(() -> countersign.decide(decision("nosuchtask.a1", "alice", Set.of("support-leads"))))
                    .isInstanceOf(ApprovalNotFound.class);
            assertThatThrownBy(() -> countersign.answer("refusals", new TaskMessage("alice", "yes")))
                    .isInstanceOfSatisfying(
                            DecisionRefused.class,
                            refused -> assertThat(refused.type()).isEqualTo(DecisionRefusal.NOT_APPLICABLE));
        });
    }

    @Test
    void decisionsOnAnEndedTaskAreConflictsAndMessagesToItAreRefused() {
        withCountersign(countersign -> {
            countersign.start(refund("ended", 50));
            String approvalId = await(countersign, "ended", view -> view.pendingApproval() != null)
                    .pendingApprovalId();
            countersign.decide(decision(approvalId, "alice", Set.of("support-leads")));
            await(countersign, "ended", view -> view.status() == TaskStatus.COMPLETED);

            assertThatThrownBy(() -> countersign.decide(decision(approvalId, "alice", Set.of("support-leads"))))
                    .isInstanceOfSatisfying(
                            DecisionRefused.class,
                            refused -> assertThat(refused.type()).isEqualTo(DecisionRefusal.ALREADY_DECIDED));
            assertThatThrownBy(() -> countersign.guide("ended", new TaskMessage("alice", "hi")))
                    .isInstanceOf(TaskNotActive.class);
            assertThatThrownBy(() -> countersign.cancel("ended", new TaskMessage("olga", "")))
                    .isInstanceOf(TaskNotActive.class);
            assertThatThrownBy(() -> countersign.guide("missing", new TaskMessage("alice", "hi")))
                    .isInstanceOf(TaskNotFound.class);
        });
    }

    private static DecisionRequest decision(String approvalId, String reviewer, Set<String> groups) {
        return new DecisionRequest(
                java.util.UUID.randomUUID().toString(),
                approvalId,
                reviewer,
                groups,
                DecisionKind.APPROVE,
                null,
                null,
                "");
    }
}
