package dev.countersign.task;

import dev.countersign.approval.ApprovalGate;
import dev.countersign.approval.DecisionRefusal;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The calls of an external task, whose agent runs elsewhere (the MCP gateway): each submitted call
 * is recorded at once and then taken through the policy in its own coroutine, so calls wait for their
 * reviewers side by side; an approved one runs when its caller collects it. The task ends once no call
 * came for its idle time and nothing waits; it continues as new when Temporal suggests it, after every
 * coroutine reached a safe point (its approval or collection is carried on).
 */
final class ExternalCalls {

    private final TaskState state;
    private final TaskBoard board;
    private final ToolCalls toolCalls;
    private final Handover handover;
    /** The actions a coroutine of this run serves; not carried. */
    private final Set<String> served = new HashSet<>();

    private int running;

    ExternalCalls(TaskState state, TaskBoard board, ToolCalls toolCalls, Handover handover) {
        this.state = state;
        this.board = board;
        this.toolCalls = toolCalls;
        this.handover = handover;
    }

    /** Serves submitted calls until the task is cancelled or idle; it may continue as new meanwhile. */
    void serve() {
        resumeCarried();
        while (true) {
            startArrived();
            if (state.cancellation != null) {
                Workflow.await(() -> running == 0);
                return;
            }
            if (handover.due()) {
                Workflow.await(() -> running == 0);
                handover.continueAsNew(); // returns only when the archive failed; the task goes on here
                continue;
            }
            if (running > 0) {
                Workflow.await(() -> running == 0 || !state.arrivedCalls.isEmpty() || woken());
                continue;
            }
            boolean active = Workflow.await(state.start.idle(), () -> !state.arrivedCalls.isEmpty() || woken());
            if (!active) {
                board.finish(TaskStatus.COMPLETED, idleSummary());
                return;
            }
        }
    }

    private boolean woken() {
        return state.cancellation != null || handover.due();
    }

    private String idleSummary() {
        return "no call came for " + state.start.idle() + " and none waited; " + state.lastActionNumber
                + " call(s) submitted";
    }

    /** Picks up what the previous run carried: approvals still pending and calls awaiting collection. */
    private void resumeCarried() {
        for (ApprovalGate gate : List.copyOf(state.approvals.values())) {
            spawn(gate.actionId(), () -> toolCalls.awaitDecision(gate, handover::due));
        }
        for (ActionRecord action : List.copyOf(state.actions)) {
            if (action.state == ActionState.AWAITING_COLLECTION) {
                spawn(action.actionId, () -> toolCalls.awaitCollection(action, handover::due));
            }
        }
    }

    private void startArrived() {
        while (!state.arrivedCalls.isEmpty()) {
            ActionRecord action = state.action(state.arrivedCalls.remove(0));
            spawn(action.actionId, () -> toolCalls.proposed(action, handover::due));
        }
    }

    private void spawn(String actionId, Runnable work) {
        if (!served.add(actionId)) {
            return;
        }
        running++;
        Async.procedure(() -> {
            try {
                work.run();
            } finally {
                running--;
                served.remove(actionId);
                board.status(TaskStatus.RUNNING);
            }
        });
    }

    // --- submissions

    /** Refuses a submission this task cannot take; pure, for the Update's validator. */
    void check(SubmittedCall call) {
        if (!state.start.external()) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    "task " + state.start.taskId() + " is an agent's task; calls are submitted only to a gateway"
                            + " task");
        }
        if (!state.start.requester().equals(call.requester())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    "task " + state.start.taskId() + " belongs to another requester; submit to a task of your own");
        }
        if (state.gateActions.containsKey(call.gateId())) {
            return;
        }
        if (state.status.closed() || state.cancellation != null || state.agentEnded) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    "task " + state.start.taskId() + " has already ended: " + state.status);
        }
    }

    /** Records a submitted call once per gate id; its coroutine starts in the main loop. */
    SubmittedCallReceipt submit(SubmittedCall call) {
        check(call);
        String known = state.gateActions.get(call.gateId());
        if (known != null) {
            return new SubmittedCallReceipt(state.start.taskId(), known);
        }
        ActionRecord action = state.propose(call.call(), TaskBoard.now());
        action.consentTtl = call.consentTtl();
        action.agentRuns = call.agentRuns();
        action.callbackUrl = call.callbackUrl();
        state.submitted(call.gateId(), action);
        board.touch();
        return new SubmittedCallReceipt(state.start.taskId(), action.actionId);
    }

    /** Refuses a collection of an action this task does not hold for this caller; pure. */
    void checkCollect(CollectRequest request) {
        ActionRecord action = state.findAction(request.actionId());
        if (action == null || action.gateId == null) {
            throw DecisionRefusal.of(
                    DecisionRefusal.UNKNOWN_ACTION,
                    "task " + state.start.taskId() + " holds no submitted call " + request.actionId());
        }
        if (!state.start.requester().equals(request.requester())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    "call " + request.actionId() + " of task " + state.start.taskId()
                            + " was submitted by another requester");
        }
    }

    /** Lets an approved call run now that its caller is back; any other state is left as it is. */
    ActionState collect(CollectRequest request) {
        checkCollect(request);
        ActionRecord action = state.action(request.actionId());
        if (action.state == ActionState.AWAITING_COLLECTION && !action.agentRuns) {
            action.collectRequested = true;
        }
        return action.state;
    }

    /** Refuses a report the call cannot take: not the agent's to run, not allowed, or already used; pure. */
    void checkReport(ReportedOutcome outcome) {
        checkCollect(new CollectRequest(outcome.actionId(), outcome.requester()));
        ActionRecord action = state.action(outcome.actionId());
        if (!action.agentRuns) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    "call " + action.actionId + " is run by the task itself; there is nothing to report");
        }
        switch (action.state) {
            case AWAITING_COLLECTION, EXPIRED -> {}
            case PENDING ->
                throw DecisionRefusal.of(
                        DecisionRefusal.NOT_APPLICABLE,
                        "call " + action.actionId + " is not approved yet: it must not have run");
            case EXECUTED, FAILED ->
                throw DecisionRefusal.of(
                        DecisionRefusal.NOT_APPLICABLE,
                        "call " + action.actionId + " was already used: its outcome was reported (" + action.state
                                + ")");
            default ->
                throw DecisionRefusal.of(
                        DecisionRefusal.NOT_APPLICABLE,
                        "call " + action.actionId + " was not allowed to run (" + action.state + ")");
        }
    }

    /** Records the agent's report of its run of an allowed call. */
    ActionState report(ReportedOutcome outcome) {
        checkReport(outcome);
        toolCalls.reported(state.action(outcome.actionId()), outcome);
        return state.action(outcome.actionId()).state;
    }
}
