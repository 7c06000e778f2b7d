package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.ToolCall;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.notify.AgentCallback;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rollback verdict on a call the agent ran itself (the gate API) cannot run a compensation: it goes
 * to operators, and the callback URL the agent gave with the call is told once, without holding up the
 * verdict; the outcome is recorded on the action.
 */
class RollbackOfAnAgentRunCallTellsItsCallbackTest {

    private static final Duration CONSENT = Duration.ofMinutes(15);
    private static final String CALLBACK = "https://agent.example.com/countersign/callback";

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void theCallbackIsToldOnceWhoAskedAndWhyAndTheDeliveryIsRecorded() {
        String taskId = startReviewed("session-cb-1");
        String actionId = ranByTheAgent(taskId, "gate-cb-1", CALLBACK);

        ReviewResult rollback = harness.review(taskId, actionId, "alice", ReviewVerdict.ROLLBACK, "wrong customer");

        assertThat(rollback.review().state()).isEqualTo(ReviewState.ROLLBACK_FAILED);
        ActionView action = action(
                harness.awaitView(
                        taskId, view -> !callbacksOf(action(view, actionId)).isEmpty()),
                actionId);
        assertThat(harness.notifier.callbacks).singleElement().satisfies(callback -> {
            assertThat(callback.callbackUrl()).isEqualTo(CALLBACK);
            assertThat(callback.taskId()).isEqualTo(taskId);
            assertThat(callback.actionId()).isEqualTo(actionId);
            assertThat(callback.tool()).isEqualTo("issue_refund");
            assertThat(callback.event()).isEqualTo(AgentCallback.ROLLBACK_REQUESTED);
            assertThat(callback.reviewer()).isEqualTo("alice");
            assertThat(callback.comment()).isEqualTo("wrong customer");
            assertThat(callback.at()).isEqualTo(rollback.review().at());
        });
        assertThat(callbacksOf(action)).singleElement().satisfies(record -> {
            assertThat(record.tier()).isEqualTo(ReviewerAlerts.AGENT);
            assertThat(record.delivered()).containsExactly("agent " + CALLBACK);
            assertThat(record.failed()).isEmpty();
        });
        assertThat(action.review().state()).isEqualTo(ReviewState.ROLLBACK_FAILED);
    }

    @Test
    void aCallbackThatKeepsFailingIsRecordedAndOperatorsStillResolveTheAction() {
        String taskId = startReviewed("session-cb-2");
        String actionId = ranByTheAgent(taskId, "gate-cb-2", CALLBACK);
        harness.notifier.failing = true;

        harness.review(taskId, actionId, "alice", ReviewVerdict.ROLLBACK, "wrong customer");

        ActionView action = action(
                harness.awaitView(
                        taskId, view -> !callbacksOf(action(view, actionId)).isEmpty()),
                actionId);
        assertThat(callbacksOf(action)).singleElement().satisfies(record -> {
            assertThat(record.delivered()).isEmpty();
            assertThat(record.failed()).singleElement().asString().contains("callback answered 503");
        });
        ReviewResult resolved =
                harness.attend(taskId, actionId, "olga", AttentionKind.RESOLVE, "refund reversed by hand");
        assertThat(resolved.review().state()).isEqualTo(ReviewState.ROLLED_BACK);
    }

    @Test
    void aCallWithoutACallbackTellsNobody() {
        String taskId = startReviewed("session-cb-3");
        String actionId = ranByTheAgent(taskId, "gate-cb-3", null);

        ReviewResult rollback = harness.review(taskId, actionId, "alice", ReviewVerdict.ROLLBACK, "wrong customer");

        assertThat(rollback.review().state()).isEqualTo(ReviewState.ROLLBACK_FAILED);
        assertThat(callbacksOf(action(harness.stub(taskId).view(), actionId))).isEmpty();
        assertThat(harness.notifier.callbacks).isEmpty();
    }

    private String startReviewed(String taskId) {
        TaskStart start = new TaskStart(
                taskId,
                "gate-api",
                "calls an agent runs itself",
                Map.of("review", true),
                TaskHarness.REQUESTER,
                StepBudget.DEFAULT,
                true,
                Duration.ofHours(1));
        WorkflowClient.start(
                harness.client.newWorkflowStub(
                        AgentTaskWorkflow.class,
                        WorkflowOptions.newBuilder()
                                .setWorkflowId(taskId)
                                .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                                .build())::run,
                start,
                null);
        return taskId;
    }

    /** Submits a call the agent runs, approves it and reports that the agent ran it. */
    private String ranByTheAgent(String taskId, String gateId, String callbackUrl) {
        ToolCall refund = new ToolCall("issue_refund", Map.of("orderId", "A-1", "amount", 250.0), "", null, List.of());
        String actionId = harness.stub(taskId)
                .submit(new SubmittedCall(gateId, TaskHarness.REQUESTER, refund, CONSENT, true, callbackUrl))
                .actionId();
        harness.awaitView(taskId, view -> view.pendingApprovals().size() == 1);
        harness.decide(new DecisionRequest(
                UUID.randomUUID().toString(),
                taskId + "." + actionId,
                "alice",
                TaskHarness.GROUPS.get("alice"),
                DecisionKind.APPROVE,
                null,
                null,
                ""));
        harness.awaitView(taskId, view -> action(view, actionId).state() == ActionState.AWAITING_COLLECTION);
        harness.stub(taskId)
                .report(new ReportedOutcome(actionId, TaskHarness.REQUESTER, true, Map.of("refundId", "R-2"), null));
        return actionId;
    }

    private static List<NotificationRecord> callbacksOf(ActionView action) {
        return action.notifications().stream()
                .filter(record -> record.kind().equals(ReviewerAlerts.ROLLBACK_REQUESTED))
                .toList();
    }

    private static ActionView action(TaskView view, String actionId) {
        return view.actions().stream()
                .filter(action -> action.actionId().equals(actionId))
                .findFirst()
                .orElseThrow();
    }
}
