package dev.countersign.service.api;

import dev.countersign.approval.ApprovalId;
import dev.countersign.policy.Outcome;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionRecord;
import dev.countersign.task.DecisionRecordKind;
import java.util.List;
import java.util.Map;

/**
 * A gate as the agent reads it: the policy's verdict, where it stands ({@code APPROVED}: run it now,
 * with exactly {@code args}, whose digest is {@code argsDigest}; {@code PENDING}, {@code REJECTED},
 * {@code CHANGES_REQUESTED}, {@code DENIED}, {@code TIMED_OUT}, {@code EXPIRED}, {@code CANCELLED};
 * {@code EXECUTED} or {@code FAILED} once its outcome was reported), and why: the policy's reason or the
 * reviewer's words, by whom.
 */
record GateView(
        String gateId,
        String taskId,
        String actionId,
        String tool,
        Outcome verdict,
        String rule,
        String status,
        Map<String, Object> args,
        String argsDigest,
        String reason,
        String decidedBy,
        Map<String, Object> result) {

    static GateView of(String taskId, ActionView action) {
        List<DecisionRecord> decisions = action.decisions();
        DecisionRecord last = decisions.stream()
                .filter(decision -> decision.decision() != DecisionRecordKind.ESCALATE)
                .reduce((first, second) -> second)
                .orElse(null);
        String reason = action.state() == ActionState.DENIED
                ? (action.error() != null ? action.error() : action.reason())
                : action.state() == ActionState.FAILED ? action.error() : last == null ? null : last.comment();
        return new GateView(
                new ApprovalId(taskId, action.actionId()).toString(),
                taskId,
                action.actionId(),
                action.tool(),
                action.verdict(),
                action.rule(),
                action.state() == ActionState.AWAITING_COLLECTION
                        ? "APPROVED"
                        : action.state().name(),
                action.args(),
                action.argsDigest(),
                reason == null || reason.isBlank() ? null : reason,
                last == null ? null : last.reviewer(),
                action.result());
    }
}
