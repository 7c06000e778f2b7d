package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.agent.ToolCall;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.PendingApproval;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls submitted from outside (the MCP gateway) to an external task: they wait for reviewers side by
 * side, run once when their caller collects them, expire when nobody does, and the task ends once it
 * is idle.
 */
class SubmittedCallsTest {

    private static final Duration CONSENT = Duration.ofMinutes(15);

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void twoCallsOfOneTaskWaitSideBySideAndEachRunsOnceWhenCollected() {
        String taskId = startExternal("session-1");
        SubmittedCallReceipt first = submit(taskId, "gate-1", refund(250));
        SubmittedCallReceipt second = submit(taskId, "gate-2", refund(300));

        TaskView waiting =
                harness.awaitView(taskId, view -> view.pendingApprovals().size() == 2);
        assertThat(waiting.status()).isEqualTo(TaskStatus.AWAITING_APPROVAL);

        decide(taskId, second.actionId(), "alice", DecisionKind.APPROVE);
        harness.awaitView(taskId, view -> state(view, second.actionId()) == ActionState.AWAITING_COLLECTION);
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();

        CollectRequest collect = new CollectRequest(second.actionId(), TaskHarness.REQUESTER);
        harness.stub(taskId).collect(collect);
        harness.stub(taskId).collect(collect);
        TaskView ran = harness.awaitView(taskId, view -> state(view, second.actionId()) == ActionState.EXECUTED);

        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(1);
        assertThat(state(ran, first.actionId())).isEqualTo(ActionState.PENDING);
        assertThat(ran.status()).isEqualTo(TaskStatus.AWAITING_APPROVAL);
        assertThat(ran.pendingApprovals()).extracting(PendingApproval::actionId).containsExactly(first.actionId());
    }

    @Test
    void anApprovalNobodyCollectsExpiresWithoutRunningAndIsNoRejection() {
        String taskId = startExternal("session-2");
        SubmittedCallReceipt call = submit(taskId, "gate-3", refund(250));
        harness.awaitView(taskId, view -> view.pendingApprovals().size() == 1);
        decide(taskId, call.actionId(), "alice", DecisionKind.APPROVE);
        harness.awaitView(taskId, view -> state(view, call.actionId()) == ActionState.AWAITING_COLLECTION);

        harness.env.sleep(CONSENT.plusMinutes(1));

        TaskView expired = harness.awaitView(taskId, view -> state(view, call.actionId()) == ActionState.EXPIRED);
        ActionView action = action(expired, call.actionId());
        assertThat(action.decisions())
                .extracting(DecisionRecord::decision)
                .containsExactly(DecisionRecordKind.APPROVE, DecisionRecordKind.EXPIRE);
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
        assertThat(harness.stub(taskId).collect(new CollectRequest(call.actionId(), TaskHarness.REQUESTER)))
                .isEqualTo(ActionState.EXPIRED);
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }

    @Test
    void theSameGateSubmittedTwiceIsOneCall() {
        String taskId = startExternal("session-3");
        SubmittedCallReceipt first = submit(taskId, "gate-4", refund(250));
        SubmittedCallReceipt again = submit(taskId, "gate-4", refund(250));

        assertThat(again).isEqualTo(first);
        assertThat(harness.awaitView(taskId, view -> view.pendingApprovals().size() == 1)
                        .actions())
                .hasSize(1);
    }

    @Test
    void anotherRequestersCallIsRefused() {
        String taskId = startExternal("session-4");
        SubmittedCall intruder = new SubmittedCall("gate-5", "mallory", refund(250), CONSENT);

        assertThatThrownBy(() -> harness.stub(taskId).submit(intruder))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("belongs to another requester");
        assertThat(harness.stub(taskId).view().actions()).isEmpty();
    }

    @Test
    void aRejectedCallIsNotRunAndTheSameCallIsRefusedWithoutAskingAgain() {
        String taskId = startExternal("session-5");
        SubmittedCallReceipt call = submit(taskId, "gate-6", refund(250));
        harness.awaitView(taskId, view -> view.pendingApprovals().size() == 1);
        decide(taskId, call.actionId(), "alice", DecisionKind.REJECT);
        harness.awaitView(taskId, view -> state(view, call.actionId()) == ActionState.REJECTED);

        SubmittedCallReceipt again = submit(taskId, "gate-7", refund(250));
        TaskView refused = harness.awaitView(taskId, view -> state(view, again.actionId()) == ActionState.DENIED);

        assertThat(action(refused, again.actionId()).error()).contains("alice rejected this exact call");
        assertThat(refused.pendingApprovals()).isEmpty();
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }

    @Test
    void anIdleTaskEndsAndTakesNoMoreCalls() {
        String taskId = startExternal("session-6");
        SubmittedCallReceipt call =
                submit(taskId, "gate-8", new ToolCall("lookup_order", Map.of("orderId", "A-1"), "", null, List.of()));
        harness.awaitView(taskId, view -> state(view, call.actionId()) == ActionState.EXECUTED);

        harness.env.sleep(Duration.ofHours(2));

        TaskView ended = harness.result(taskId);
        assertThat(ended.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(ended.summary()).contains("no call came for PT1H");
    }

    @Test
    void aCallTheAgentRunsItselfIsNeverRunByTheTaskAndItsReportIsItsOutcome() {
        String taskId = startExternal("session-7");
        SubmittedCallReceipt small = submitForAgent(taskId, "gate-9", refund(5));
        harness.awaitView(taskId, view -> state(view, small.actionId()) == ActionState.AWAITING_COLLECTION);
        harness.stub(taskId).collect(new CollectRequest(small.actionId(), TaskHarness.REQUESTER));

        ActionState reported = harness.stub(taskId)
                .report(new ReportedOutcome(
                        small.actionId(), TaskHarness.REQUESTER, true, Map.of("refundId", "R-1"), null));

        assertThat(reported).isEqualTo(ActionState.EXECUTED);
        assertThat(action(harness.stub(taskId).view(), small.actionId()).result())
                .containsEntry("refundId", "R-1");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
        assertThatThrownBy(() -> harness.stub(taskId)
                        .report(new ReportedOutcome(small.actionId(), TaskHarness.REQUESTER, true, Map.of(), null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("already used");
    }

    @Test
    void anAgentsReportOfAPendingCallIsRefusedAndALateOneIsRecordedAsLate() {
        String taskId = startExternal("session-8");
        SubmittedCallReceipt call = submitForAgent(taskId, "gate-10", refund(250));
        harness.awaitView(taskId, view -> view.pendingApprovals().size() == 1);
        ReportedOutcome ran = new ReportedOutcome(call.actionId(), TaskHarness.REQUESTER, true, Map.of(), null);

        assertThatThrownBy(() -> harness.stub(taskId).report(ran))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("not approved yet");

        decide(taskId, call.actionId(), "alice", DecisionKind.APPROVE);
        harness.awaitView(taskId, view -> state(view, call.actionId()) == ActionState.AWAITING_COLLECTION);
        harness.env.sleep(CONSENT.plusMinutes(1));
        harness.awaitView(taskId, view -> state(view, call.actionId()) == ActionState.EXPIRED);

        assertThat(harness.stub(taskId).report(ran)).isEqualTo(ActionState.EXECUTED);
        assertThat(action(harness.stub(taskId).view(), call.actionId()).error())
                .isEqualTo("reported by the agent after its approval expired");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }

    @Test
    void aRollbackOfACallTheAgentRanGoesToOperatorsWhoUndoItByHand() {
        String taskId = "session-9";
        TaskStart start = new TaskStart(
                taskId,
                "mcp-gateway",
                "calls of a session",
                Map.of("review", true),
                TaskHarness.REQUESTER,
                StepBudget.DEFAULT,
                true,
                Duration.ofHours(1));
        WorkflowClient.start(startStub(taskId)::run, start, null);
        SubmittedCallReceipt call = submitForAgent(taskId, "gate-11", refund(250));
        harness.awaitView(taskId, view -> view.pendingApprovals().size() == 1);
        decide(taskId, call.actionId(), "alice", DecisionKind.APPROVE);
        harness.awaitView(taskId, view -> state(view, call.actionId()) == ActionState.AWAITING_COLLECTION);
        harness.stub(taskId)
                .report(new ReportedOutcome(
                        call.actionId(), TaskHarness.REQUESTER, true, Map.of("refundId", "R-2"), null));

        ReviewResult rollback =
                harness.review(taskId, call.actionId(), "alice", ReviewVerdict.ROLLBACK, "wrong customer");

        assertThat(rollback.review().state()).isEqualTo(ReviewState.ROLLBACK_FAILED);
        assertThat(rollback.compensation().error()).contains("an operator must undo it");
        assertThat(harness.tools.compensationAttempts).isEmpty();
        assertThatThrownBy(() -> harness.attend(taskId, call.actionId(), "olga", AttentionKind.RETRY, ""))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("no compensation to retry");
        ReviewResult resolved = harness.attend(
                taskId, call.actionId(), "olga", AttentionKind.RESOLVE, "refund R-2 reversed in the ledger");
        assertThat(resolved.review().state()).isEqualTo(ReviewState.ROLLED_BACK);
        assertThat(resolved.compensation().resolvedBy()).isEqualTo("olga");
    }

    private SubmittedCallReceipt submitForAgent(String taskId, String gateId, ToolCall call) {
        return harness.stub(taskId).submit(new SubmittedCall(gateId, TaskHarness.REQUESTER, call, CONSENT, true));
    }

    private String startExternal(String taskId) {
        TaskStart start = TaskStart.external(
                taskId, "mcp-gateway", "calls of a session", TaskHarness.REQUESTER, Duration.ofHours(1));
        WorkflowClient.start(startStub(taskId)::run, start, null);
        return taskId;
    }

    private AgentTaskWorkflow startStub(String taskId) {
        return harness.client.newWorkflowStub(
                AgentTaskWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(taskId)
                        .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                        .build());
    }

    private SubmittedCallReceipt submit(String taskId, String gateId, ToolCall call) {
        return harness.stub(taskId).submit(new SubmittedCall(gateId, TaskHarness.REQUESTER, call, CONSENT));
    }

    private void decide(String taskId, String actionId, String reviewer, DecisionKind kind) {
        harness.decide(new DecisionRequest(
                UUID.randomUUID().toString(),
                taskId + "." + actionId,
                reviewer,
                TaskHarness.GROUPS.get(reviewer),
                kind,
                null,
                null,
                kind == DecisionKind.APPROVE ? "" : "not this one"));
    }

    private static ToolCall refund(double amount) {
        return new ToolCall("issue_refund", Map.of("orderId", "A-1", "amount", amount), "", null, List.of());
    }

    private static ActionView action(TaskView view, String actionId) {
        return view.actions().stream()
                .filter(action -> action.actionId().equals(actionId))
                .findFirst()
                .orElseThrow();
    }

    private static ActionState state(TaskView view, String actionId) {
        return action(view, actionId).state();
    }
}
