package dev.countersign.task;

import dev.countersign.agent.Question;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.approval.ApprovalGate;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
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
    final Map<String, DecisionResult> decisionsById = new LinkedHashMap<>();
    final Map<String, DecisionRequest> decisionRequestsById = new HashMap<>();
    Question question;
    String summary;
    TaskMessage cancellation;
    int agentSteps;

    TaskState(TaskStart start, Instant now) {
        this.start = start;
        this.startedAt = now;
        this.updatedAt = now;
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

    TaskView view() {
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
}
