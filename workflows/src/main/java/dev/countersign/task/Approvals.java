package dev.countersign.task;

import dev.countersign.agent.ToolCall;
import dev.countersign.approval.ApprovalGate;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.SlaTimer;
import dev.countersign.notify.NotificationKind;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * The task's approvals, keyed by approval id, any number pending at once: holds a call for
 * reviewers, waits for their decisions while each tier's SLA runs (escalating, then applying the
 * policy's timeout outcome), notifies the tier, and applies each decision once, under the lock, to
 * the exact arguments its reviewer saw. Everything it keeps lives in the carried {@link TaskState}.
 */
final class Approvals {

    private static final Logger log = Workflow.getLogger(Approvals.class);

    private final TaskState state;
    private final TaskBoard board;
    private final Verdicts verdicts;
    private final ReviewerAlerts alerts;
    private final WorkflowLock lock = Workflow.newWorkflowLock();

    Approvals(TaskState state, TaskBoard board, Verdicts verdicts, ReviewerAlerts alerts) {
        this.state = state;
        this.board = board;
        this.verdicts = verdicts;
        this.alerts = alerts;
    }

    /** Holds the action's call for the reviewers its verdict names, and tells the first tier. */
    ApprovalGate hold(ActionRecord action) {
        ApprovalGate gate = new ApprovalGate(
                state.start.taskId(),
                action.actionId,
                state.start.requester(),
                action.call,
                action.verdict,
                TaskBoard.now());
        state.approvals.put(gate.approvalId(), gate);
        board.status(TaskStatus.AWAITING_APPROVAL);
        alerts.notify(NotificationKind.APPROVAL_REQUESTED, gate, action, "");
        log.info(
                "task {} action {} awaits approval {} under rule {}",
                state.start.taskId(),
                action.actionId,
                gate.approvalId(),
                action.verdict.rule());
        return gate;
    }

    /**
     * Waits for quorum, a rejection or a cancellation while each tier's SLA runs, or until {@code
     * suspend} holds (the task continues as new; the approval waits on in the next run with its SLA).
     * An SLA that passes first escalates to the next tier, and after the last one the policy's
     * timeout outcome applies, recorded with its cause and no reviewer. A decision the validator
     * accepted before the timer fired is applied first and wins.
     */
    void await(ApprovalGate gate, BooleanSupplier suspend) {
        ActionRecord action = state.action(gate.actionId());
        while (gate.state() == ApprovalState.PENDING && state.cancellation == null && !suspend.getAsBoolean()) {
            boolean settled = SlaTimer.awaitUntil(
                    gate::deadline,
                    () -> gate.state() != ApprovalState.PENDING
                            || state.cancellation != null
                            || suspend.getAsBoolean());
            if (settled) {
                return;
            }
            lock.lock();
            try {
                Instant deadline = gate.deadline();
                if (gate.state() == ApprovalState.PENDING
                        && state.cancellation == null
                        && deadline != null
                        && !TaskBoard.now().isBefore(deadline)) {
                    escalateOrTimeOut(gate, action);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Ends the approval (cancelled when still pending), records its metrics, and gives its outcome. */
    ApprovalGate close(ApprovalGate gate) {
        if (gate.state() == ApprovalState.PENDING) {
            gate.cancel();
        }
        state.closeApproval(gate.approvalId(), gate.state());
        ActionRecord action = state.action(gate.actionId());
        recordMetrics(gate, action);
        action.call = gate.call();
        action.verdict = gate.verdict();
        board.touch();
        return gate;
    }

    private void escalateOrTimeOut(ApprovalGate gate, ActionRecord action) {
        ApprovalTier expired = gate.currentTier();
        String waited =
                "nobody decided within " + expired.sla() + " in tier " + expired.name() + " " + expired.groups();
        if (gate.hasNextTier()) {
            gate.escalate(TaskBoard.now());
            String escalated = waited + "; escalated to " + gate.currentTier().name();
            action.decisions.add(
                    new DecisionRecord(null, DecisionRecordKind.ESCALATE, escalated, TaskBoard.now(), null));
            alerts.notify(NotificationKind.ESCALATED, gate, action, waited);
            TaskMetrics.escalation(action.call.tool(), gate.verdict().rule());
            log.info(
                    "task {} approval {} escalated to tier {}",
                    state.start.taskId(),
                    gate.approvalId(),
                    gate.currentTier().name());
        } else {
            gate.timeOut();
            String outcome = waited + "; the policy's timeout outcome is "
                    + gate.verdict().onTimeout();
            action.decisions.add(new DecisionRecord(null, DecisionRecordKind.TIMEOUT, outcome, TaskBoard.now(), null));
            log.info(
                    "task {} approval {} timed out: {}",
                    state.start.taskId(),
                    gate.approvalId(),
                    gate.verdict().onTimeout());
        }
        board.touch();
    }

    private void recordMetrics(ApprovalGate gate, ActionRecord action) {
        if (gate.state() == ApprovalState.CANCELLED) {
            return;
        }
        boolean edited = action.decisions.stream().anyMatch(d -> d.decision() == DecisionRecordKind.EDIT);
        boolean timedOut = action.decisions.stream().anyMatch(d -> d.decision() == DecisionRecordKind.TIMEOUT);
        String outcome = switch (gate.state()) {
            case APPROVED -> timedOut ? "timed_out" : edited ? "edited" : "approved";
            case REJECTED -> "rejected";
            case TIMED_OUT -> "timed_out";
            default -> "changes_requested";
        };
        String tool = action.call.tool();
        TaskMetrics.decision(tool, gate.verdict().rule(), outcome);
        TaskMetrics.timeToDecision(
                tool, gate.verdict().rule(), Duration.between(gate.view().requestedAt(), TaskBoard.now()));
    }

    // --- decisions

    /** Refuses a decision that cannot apply; pure, for the Update's validator. */
    void check(DecisionRequest decision) {
        if (state.answers.earlier(decision.decisionId(), Answers.asked(decision)) == null) {
            gateFor(decision).check(decision, decision.argsDigest());
        }
    }

    /**
     * Applies a decision once. Without a digest of its own, the reviewer decided on the arguments
     * pending when the decision arrived, so an edit applied meanwhile makes it stale.
     */
    DecisionResult decide(DecisionRequest decision) {
        DecisionResult earlier = state.answers.earlier(decision.decisionId(), Answers.asked(decision));
        if (earlier != null) {
            return earlier;
        }
        String seenDigest = decision.argsDigest() != null
                ? decision.argsDigest()
                : gateFor(decision).argsDigest();
        return state.answers.once(decision.decisionId(), Answers.asked(decision), lock, () -> {
            ApprovalGate gate = gateFor(decision);
            gate.check(decision, seenDigest);
            DecisionResult result = apply(gate, decision);
            board.touch();
            log.info(
                    "task {} approval {}: {} by {} -> {} ({}/{})",
                    state.start.taskId(),
                    gate.approvalId(),
                    decision.kind().wireName(),
                    decision.reviewer(),
                    result.state(),
                    result.approvals(),
                    result.required());
            return result;
        });
    }

    private DecisionResult apply(ApprovalGate gate, DecisionRequest decision) {
        ActionRecord action = state.action(gate.actionId());
        if (decision.kind() == DecisionKind.EDIT) {
            return applyEdit(gate, action, decision);
        }
        DecisionResult result = switch (decision.kind()) {
            case APPROVE -> gate.approve(decision.reviewer());
            case REJECT -> gate.reject();
            default -> gate.requestChanges();
        };
        action.decisions.add(record(decision, null));
        return result;
    }

    private DecisionResult applyEdit(ApprovalGate gate, ActionRecord action, DecisionRequest decision) {
        ToolCall proposed = gate.call().withArgs(decision.args());
        PolicyVerdict verdict = verdicts.evaluate(proposed, action.actionId);
        ToolCall edited = verdict.normalizedArgs() == null ? proposed : proposed.withArgs(verdict.normalizedArgs());
        if (verdict.argumentsInvalid()) {
            throw DecisionRefusal.of(DecisionRefusal.INVALID_DECISION, verdict.reason());
        }
        if (verdict.outcome() == Outcome.DENY) {
            throw DecisionRefusal.of(
                    DecisionRefusal.EDIT_DENIED, "the policy refuses the edited arguments: " + verdict.reason());
        }
        if (state.approvals.get(gate.approvalId()) != gate || gate.state() != ApprovalState.PENDING) {
            throw DecisionRefusal.of(
                    DecisionRefusal.ALREADY_DECIDED,
                    "approval " + gate.approvalId() + " ended while the edit was checked");
        }
        DecisionResult result =
                gate.edit(edited, verdict, decision.reviewer(), decision.reviewerGroups(), TaskBoard.now());
        action.call = edited;
        action.verdict = gate.verdict();
        action.decisions.add(record(decision, edited.args()));
        return result;
    }

    private static DecisionRecord record(DecisionRequest decision, Map<String, Object> args) {
        return new DecisionRecord(
                decision.reviewer(), DecisionRecordKind.of(decision.kind()), decision.comment(), TaskBoard.now(), args);
    }

    private ApprovalGate gateFor(DecisionRequest decision) {
        ApprovalGate gate = state.approvals.get(decision.approvalId());
        if (gate != null) {
            return gate;
        }
        ApprovalState closed = state.closedApprovals.get(decision.approvalId());
        if (closed != null) {
            throw DecisionRefusal.of(
                    DecisionRefusal.ALREADY_DECIDED,
                    "approval " + decision.approvalId() + " was already decided: " + closed);
        }
        throw DecisionRefusal.of(
                DecisionRefusal.UNKNOWN_APPROVAL,
                "task " + state.start.taskId() + " has no approval " + decision.approvalId());
    }
}
