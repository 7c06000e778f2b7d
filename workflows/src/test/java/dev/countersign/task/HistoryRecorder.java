package dev.countersign.task;

import dev.countersign.agent.ToolCall;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link RecordedHistoriesReplayTest} replays. Runs only on request:
 * {@code ./mvnw -pl workflows test -Dtest=HistoryRecorder -Dcountersign.record-histories=true}. A
 * history is recorded once, when the behaviour it pins is built; re-recording one hides exactly the
 * change it exists to catch.
 */
@EnabledIfSystemProperty(named = "countersign.record-histories", matches = "true")
class HistoryRecorder {

    private static final Path HISTORIES = Path.of("src/test/resources/histories");

    @Test
    void recordDecisions() throws IOException {
        record("approve", HistoryScenarios::approve);
        record("edit-then-quorum", HistoryScenarios::editThenQuorum);
        record("reject", HistoryScenarios::reject);
        record("request-changes", HistoryScenarios::requestChanges);
        record("escalated", HistoryScenarios::escalated);
        record("timed-out", HistoryScenarios::timedOut);
    }

    @Test
    void recordReviews() throws IOException {
        record("review-rollback", ReviewScenarios::reviewAndRollback);
        record("compensation-retried", ReviewScenarios::failedCompensationRetried);
    }

    /** Decisions of tasks that publish their pending approvals in their memo for the inbox. */
    @Test
    void recordInboxMemo() throws IOException {
        record("inbox-memo-quorum", HistoryScenarios::editThenQuorum);
        record("inbox-memo-escalated", HistoryScenarios::escalated);
    }

    /** A refund edited by alice, then rolled back in review, its decision record sent to the store in batches. */
    @Test
    void recordDecisionRecord() throws IOException {
        record("decision-record-batched", harness -> {
            String taskId = harness.startRefund(250, "review");
            harness.awaitPending(taskId);
            harness.decide(
                    taskId,
                    "alice",
                    dev.countersign.approval.DecisionKind.EDIT,
                    java.util.Map.of("orderId", "A-1", "amount", 200),
                    null,
                    "partial");
            harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
            harness.review(taskId, "a2", "olga", dev.countersign.review.ReviewVerdict.ROLLBACK, "wrong order");
            harness.result(taskId);
            return taskId;
        });
    }

    @Test
    void recordOutcomeUnknown() throws IOException {
        record("outcome-unknown-done", ReviewScenarios::outcomeUnknownConfirmedDone);
    }

    /** Two calls in one reply, the refund rejected, then proposed again and refused without asking. */
    @Test
    void recordRepliesAndRefusals() throws IOException {
        try (TaskHarness harness = new TaskHarness(new RepliesAndRefusalsAgent())) {
            String taskId = harness.startRefund(250);
            String approvalId = harness.awaitPending(taskId).pendingApprovalId();
            harness.decide(new dev.countersign.approval.DecisionRequest(
                    "no",
                    approvalId,
                    "alice",
                    TaskHarness.GROUPS.get("alice"),
                    dev.countersign.approval.DecisionKind.REJECT,
                    null,
                    null,
                    "not eligible"));
            harness.result(taskId);
            write("several-calls-refused-again", harness.client.fetchHistory(taskId));
        }
    }

    /** An approved refund whose tool runs as a local activity, and a failed one, both beside activities. */
    @Test
    void recordLocalTools() throws IOException {
        record("local-tool", harness -> {
            harness.policy.localTools.add("issue_refund");
            return HistoryScenarios.approve(harness);
        });
        record("local-tool-failed", harness -> {
            harness.policy.localTools.add("issue_refund");
            harness.tools.failWith.put("issue_refund", "the ledger is closed");
            String taskId = harness.startRefund(5);
            harness.result(taskId);
            return taskId;
        });
    }

    /** A refund whose order id the policy normalized, then edited in a currency it normalized too. */
    @Test
    void recordNormalizedArguments() throws IOException {
        try (TaskHarness harness = new TaskHarness()) {
            String taskId = harness.start(Map.of("orderId", " a-7 ", "amount", 250), TaskHarness.REQUESTER);
            harness.awaitPending(taskId);
            harness.decide(
                    taskId,
                    "alice",
                    dev.countersign.approval.DecisionKind.EDIT,
                    Map.of("orderId", "a-7", "amount", 200, "currency", " eur"),
                    null,
                    "in euros");
            harness.result(taskId);
            write("normalized-arguments", harness.client.fetchHistory(taskId));
        }
    }

    /** 25 calls continuing as new every 10 steps; the approval at step 10 is carried to the second run. */
    @Test
    void recordContinueAsNew() throws IOException {
        try (TaskHarness harness = new TaskHarness(new LongAgent(25, Set.of(10)))) {
            String taskId = harness.start(Map.of(), TaskHarness.REQUESTER, new StepBudget(10_000, 10));
            harness.awaitPending(taskId);
            harness.approve(taskId, "alice");
            harness.result(taskId);
            List<WorkflowExecutionHistory> runs = TaskRuns.of(harness.client, taskId);
            for (int run = 0; run < runs.size(); run++) {
                write("continued-run-" + (run + 1), runs.get(run));
            }
        }
    }

    /**
     * A gateway task: a call approved and collected (the task runs it), one the agent runs itself and
     * reports, one rejected, one approved and never collected (it expires); then the task ends idle.
     */
    @Test
    void recordSubmittedCalls() throws IOException {
        try (TaskHarness harness = new TaskHarness()) {
            String taskId = "gateway-session";
            Duration consent = Duration.ofMinutes(15);
            WorkflowClient.start(
                    harness.client.newWorkflowStub(
                            AgentTaskWorkflow.class,
                            io.temporal.client.WorkflowOptions.newBuilder()
                                    .setWorkflowId(taskId)
                                    .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                                    .build())::run,
                    TaskStart.external(
                            taskId, "mcp-gateway", "calls of a session", TaskHarness.REQUESTER, Duration.ofHours(1)),
                    null);
            AgentTaskWorkflow task = harness.stub(taskId);
            String collected = task.submit(new SubmittedCall("g1", TaskHarness.REQUESTER, refund(250), consent))
                    .actionId();
            String reported = task.submit(new SubmittedCall("g2", TaskHarness.REQUESTER, refund(5), consent, true))
                    .actionId();
            String rejected = task.submit(new SubmittedCall("g3", TaskHarness.REQUESTER, refund(300), consent))
                    .actionId();
            String expired = task.submit(new SubmittedCall("g4", TaskHarness.REQUESTER, refund(400), consent))
                    .actionId();
            harness.awaitView(taskId, view -> view.pendingApprovals().size() == 3);
            decide(harness, taskId, collected, dev.countersign.approval.DecisionKind.APPROVE);
            decide(harness, taskId, rejected, dev.countersign.approval.DecisionKind.REJECT);
            decide(harness, taskId, expired, dev.countersign.approval.DecisionKind.APPROVE);
            harness.awaitView(taskId, view -> view.pendingApprovals().isEmpty());
            task.collect(new CollectRequest(collected, TaskHarness.REQUESTER));
            task.report(new ReportedOutcome(reported, TaskHarness.REQUESTER, true, Map.of("refundId", "R-1"), null));
            harness.awaitView(
                    taskId,
                    view -> view.actions().stream()
                            .anyMatch(action ->
                                    action.actionId().equals(collected) && action.state() == ActionState.EXECUTED));
            harness.env.sleep(Duration.ofHours(2));
            harness.result(taskId);
            write("submitted-calls", harness.client.fetchHistory(taskId));
        }
    }

    private static ToolCall refund(double amount) {
        return new ToolCall("issue_refund", Map.of("orderId", "A-1", "amount", amount), "", null, List.of());
    }

    private static void decide(
            TaskHarness harness, String taskId, String actionId, dev.countersign.approval.DecisionKind kind) {
        harness.decide(new dev.countersign.approval.DecisionRequest(
                "decision-" + actionId,
                taskId + "." + actionId,
                "alice",
                TaskHarness.GROUPS.get("alice"),
                kind,
                null,
                null,
                "recorded"));
    }

    private static void record(String name, Function<TaskHarness, String> scenario) throws IOException {
        try (TaskHarness harness = new TaskHarness()) {
            String taskId = scenario.apply(harness);
            write(name, harness.client.fetchHistory(taskId));
        }
    }

    private static void write(String name, WorkflowExecutionHistory history) throws IOException {
        Files.writeString(HISTORIES.resolve(name + ".json"), history.toJson(true), StandardCharsets.UTF_8);
    }
}
