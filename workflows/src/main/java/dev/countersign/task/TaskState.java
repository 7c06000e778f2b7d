package dev.countersign.task;

import dev.countersign.agent.Question;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.approval.ApprovalGate;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.PendingApproval;
import dev.countersign.payload.Carried;
import dev.countersign.payload.PayloadBounds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one task's workflow keeps, in one holder that Jackson writes and reads: the query, the
 * validators and the agent loop read it, and it is what a run hands to the next when the task
 * continues as new. Clients start a task without one (null).
 */
@Carried
public final class TaskState {

    /** How many calls a person refused a task remembers, and how much of each refusal it keeps. */
    static final int REFUSED_CALLS_KEPT = 100;

    static final int REFUSAL_BYTES = 300;

    /** How many closed approvals a task remembers to refuse a late decision by name. */
    static final int CLOSED_APPROVALS_KEPT = 1000;

    TaskStart start;
    String firstRunId;
    Instant startedAt;
    Instant updatedAt;
    TaskStatus status = TaskStatus.RUNNING;
    /** Model calls over every run of the task. */
    int steps;
    /** Tokens the model's replies cost, over every run of the task. */
    long tokens;
    /** {@link #steps} when this run began; not carried. */
    int runStartedAtStep;
    /** The number of the newest action; ids are never reused, whatever left the state. */
    long lastActionNumber;

    List<ActionRecord> actions = new ArrayList<>();
    Map<String, ApprovalGate> approvals = new LinkedHashMap<>();
    Map<String, ApprovalState> closedApprovals = new LinkedHashMap<>();
    Answers answers = new Answers();
    Saga.Entries saga = new Saga.Entries();
    /** Actions that left the state for the archive, by state. */
    Map<ActionState, Integer> archived = new EnumMap<>(ActionState.class);
    /** The reviewer groups of the actions that left the state, so the view names every run's. */
    Set<String> archivedReviewerGroups = new TreeSet<>();

    /** Entries since the last model call; stored by the model activity from {@link #transcriptPosition}. */
    List<TranscriptEntry> transcript = new ArrayList<>();

    int transcriptPosition;

    /**
     * The calls of the model's last reply not yet proposed: a reply may carry several, taken one
     * after the other, and a handover between them carries the rest.
     */
    List<ToolCall> queuedCalls = new ArrayList<>();

    /**
     * Calls a person rejected or sent back, by argument digest, with who said what: the same call again
     * is refused without asking anyone. Bounded; the oldest go first.
     */
    Map<String, String> refusedCalls = new LinkedHashMap<>();

    /** The actions of the calls submitted to an external task, by gate id; bounded, the oldest go first. */
    Map<String, String> gateActions = new LinkedHashMap<>();

    /** Submitted calls whose action was recorded but not yet taken through the policy. */
    List<String> arrivedCalls = new ArrayList<>();

    Question question;
    boolean answered;
    String summary;
    TaskMessage cancellation;
    /** The agent stopped (finished, failed or was cancelled); only post-action review remains. */
    boolean agentEnded;
    /** A cancellation asked for what ran to be rolled back. */
    boolean rollbackOnCancel;

    private TaskState() {}

    static TaskState fresh(TaskStart start, String firstRunId, Instant now) {
        TaskState state = new TaskState();
        state.start = start;
        state.firstRunId = firstRunId;
        state.startedAt = now;
        state.updatedAt = now;
        return state;
    }

    /** This state as the first thing a new run of its task knows. */
    TaskState resumed() {
        runStartedAtStep = steps;
        return this;
    }

    int stepsThisRun() {
        return steps - runStartedAtStep;
    }

    ActionRecord findAction(String actionId) {
        for (ActionRecord action : actions) {
            if (action.actionId.equals(actionId)) {
                return action;
            }
        }
        return null;
    }

    ActionRecord action(String actionId) {
        ActionRecord action = findAction(actionId);
        if (action == null) {
            throw new IllegalStateException("task " + start.taskId() + " holds no action " + actionId);
        }
        return action;
    }

    ActionRecord propose(dev.countersign.agent.ToolCall call, Instant now) {
        ActionRecord action = new ActionRecord(ActionIds.id(++lastActionNumber), call, now);
        actions.add(action);
        return action;
    }

    /** Records the action of a submitted call under its gate id, so submitting it again finds it. */
    void submitted(String gateId, ActionRecord action) {
        action.gateId = gateId;
        gateActions.put(gateId, action.actionId);
        while (gateActions.size() > CLOSED_APPROVALS_KEPT) {
            gateActions.remove(gateActions.keySet().iterator().next());
        }
        arrivedCalls.add(action.actionId);
    }

    void closeApproval(String approvalId, ApprovalState outcome) {
        approvals.remove(approvalId);
        closedApprovals.put(approvalId, outcome);
        while (closedApprovals.size() > CLOSED_APPROVALS_KEPT) {
            closedApprovals.remove(closedApprovals.keySet().iterator().next());
        }
    }

    /** Moves an action out of the state, counted by its state, once it went to the archive. */
    void archived(ActionRecord action) {
        actions.remove(action);
        archived.merge(action.state, 1, Integer::sum);
        archivedReviewerGroups.addAll(action.reviewerGroups());
    }

    /** Brings an archived action back into the state (a rollback of an old action), in order. */
    void restore(ActionRecord action) {
        archived.computeIfPresent(action.state, (state, count) -> count > 1 ? count - 1 : null);
        int at = 0;
        while (at < actions.size() && actions.get(at).number() < action.number()) {
            at++;
        }
        actions.add(at, action);
    }

    ActionCounts counts() {
        Map<ActionState, Integer> byState = new EnumMap<>(ActionState.class);
        byState.putAll(archived);
        actions.forEach(action -> byState.merge(action.state, 1, Integer::sum));
        int total = byState.values().stream().mapToInt(Integer::intValue).sum();
        return new ActionCounts(total, byState);
    }

    private List<String> reviewerGroups() {
        Set<String> groups = new TreeSet<>(archivedReviewerGroups);
        actions.forEach(action -> groups.addAll(action.reviewerGroups()));
        return List.copyOf(groups);
    }

    List<PendingApproval> pendingApprovals() {
        return approvals.values().stream()
                .filter(gate -> gate.state() == ApprovalState.PENDING)
                .map(ApprovalGate::view)
                .toList();
    }

    /** The view within {@link PayloadBounds#MAX_MESSAGE_BYTES}: it is a query's answer and the workflow's result. */
    TaskView view() {
        List<PendingApproval> pending = pendingApprovals();
        PendingApproval first = pending.isEmpty() ? null : pending.get(0);
        return BoundedView.within(
                new TaskView(
                        start.taskId(),
                        start.agent(),
                        start.goal(),
                        start.input(),
                        start.requester(),
                        status,
                        actions.stream().map(ActionRecord::view).toList(),
                        first == null ? null : first.approvalId(),
                        first,
                        question,
                        summary,
                        startedAt,
                        updatedAt,
                        steps,
                        tokens,
                        counts(),
                        firstRunId,
                        pending,
                        null,
                        reviewerGroups()),
                PayloadBounds.MAX_MESSAGE_BYTES);
    }

    /** Remembers that a person refused this exact call (its argument digest), and why. */
    void refused(String argsDigest, String why) {
        if (argsDigest == null) {
            return;
        }
        refusedCalls.remove(argsDigest);
        refusedCalls.put(argsDigest, PayloadBounds.text(why, REFUSAL_BYTES));
        while (refusedCalls.size() > REFUSED_CALLS_KEPT) {
            refusedCalls.remove(refusedCalls.keySet().iterator().next());
        }
    }
}
