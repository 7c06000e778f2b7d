package dev.countersign.task;

import dev.countersign.agent.Question;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.approval.ApprovalGate;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.RollbackResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All state of one task in one holder, so that the query, the validators and the agent loop read
 * the same thing.
 */
final class TaskState {

    final TaskStart start;
    final Instant startedAt;
    Instant updatedAt;
    TaskStatus status = TaskStatus.RUNNING;
    final List<ActionRecord> actions = new ArrayList<>();
    final List<TranscriptEntry> transcript = new ArrayList<>();
    ApprovalGate gate;
    final Map<String, ApprovalState> closedApprovals = new HashMap<>();
    /** Each applied decision by its id: a repeated id gets its answer, a reused one is named. */
    final Map<String, Decided> decisionsById = new LinkedHashMap<>();

    Question question;
    String summary;
    TaskMessage cancellation;
    int agentSteps;
    /** The agent stopped (finished, failed or was cancelled); only post-action review remains. */
    boolean agentEnded;
    /** A cancellation asked for what ran to be rolled back. */
    boolean rollbackOnCancel;
    /** Answers already given, by review, rollback and operator request id, with who asked. */
    final Map<String, ReviewResult> reviewsById = new LinkedHashMap<>();

    final Map<String, String> reviewRequestsById = new HashMap<>();
    final Map<String, RollbackResult> rollbacksById = new LinkedHashMap<>();
    final Map<String, String> rollbackRequestsById = new HashMap<>();

    TaskState(TaskStart start, Instant now) {
        this.start = start;
        this.startedAt = now;
        this.updatedAt = now;
    }

    ActionRecord findAction(String actionId) {
        return actions.stream()
                .filter(action -> action.actionId.equals(actionId))
                .findFirst()
                .orElse(null);
    }

    ActionRecord action(String actionId) {
        return actions.stream()
                .filter(action -> action.actionId.equals(actionId))
                .findFirst()
                .orElseThrow();
    }

    String nextActionId() {
        return "a" + (actions.size() + 1);
    }

    /** The view within {@link PayloadBounds#MAX_MESSAGE_BYTES}: it is a query's answer and the workflow's result. */
    TaskView view() {
        return BoundedView.within(wholeView(), PayloadBounds.MAX_MESSAGE_BYTES);
    }

    private TaskView wholeView() {
        return new TaskView(
                start.taskId(),
                start.agent(),
                start.goal(),
                start.input(),
                start.requester(),
                status,
                actions.stream().map(ActionRecord::view).toList(),
                gate == null ? null : gate.approvalId(),
                gate == null ? null : gate.view(),
                question,
                summary,
                startedAt,
                updatedAt);
    }

    /** A decision as it was applied: the request, its answer, and when. */
    record Decided(DecisionRequest request, DecisionResult result, Instant at) {}
}
