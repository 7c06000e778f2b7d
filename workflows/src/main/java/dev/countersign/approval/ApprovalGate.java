package dev.countersign.approval;

import dev.countersign.agent.ToolCall;
import dev.countersign.payload.Carried;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The approval state machine for one held tool call: the exact arguments and their digest, the
 * verdict's tiers, the distinct approvers so far, and the outcome. Pure and deterministic, so the
 * workflow can run {@link #check} in an Update validator and again in the handler; part of the task's
 * carried state, so a pending approval and its tier's SLA survive a continue-as-new.
 */
@Carried
public final class ApprovalGate {

    private String approvalId;
    private String taskId;
    private String actionId;
    private String requester;
    private Instant requestedAt;
    private Instant tierStartedAt;
    private ToolCall call;
    private PolicyVerdict verdict;
    private int tierIndex;
    private List<String> approvers = new ArrayList<>();
    private ApprovalState state = ApprovalState.PENDING;

    private ApprovalGate() {}

    public ApprovalGate(
            String taskId,
            String actionId,
            String requester,
            ToolCall call,
            PolicyVerdict verdict,
            Instant requestedAt) {
        if (verdict.outcome() != Outcome.APPROVE) {
            throw new IllegalArgumentException("only an APPROVE verdict holds a call for reviewers");
        }
        this.approvalId = new ApprovalId(taskId, actionId).toString();
        this.taskId = taskId;
        this.actionId = actionId;
        this.requester = requester;
        this.call = call;
        this.verdict = verdict;
        this.requestedAt = requestedAt;
        this.tierStartedAt = requestedAt;
    }

    /**
     * Throws the refusal this decision deserves, or returns when it may be applied. {@code
     * seenDigest} is the digest the reviewer decided on: the one they sent, or the one pending
     * when their decision was accepted.
     */
    public void check(DecisionRequest decision, String seenDigest) {
        if (!approvalId.equals(decision.approvalId())) {
            throw DecisionRefusal.of(DecisionRefusal.UNKNOWN_APPROVAL, "no pending approval " + decision.approvalId());
        }
        if (state != ApprovalState.PENDING) {
            throw DecisionRefusal.of(
                    DecisionRefusal.ALREADY_DECIDED, "approval " + approvalId + " was already decided: " + state);
        }
        if (decision.reviewer().equals(requester)) {
            throw DecisionRefusal.of(
                    DecisionRefusal.REQUESTER_CANNOT_DECIDE,
                    decision.reviewer() + " requested this task and may not decide on it");
        }
        if (tier().groups().stream().noneMatch(decision.reviewerGroups()::contains)) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_AN_APPROVER,
                    decision.reviewer() + " is not in " + tier().groups() + ", who decide this approval");
        }
        if (seenDigest != null && !seenDigest.equals(verdict.argsDigest())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.STALE_ARGS,
                    "the arguments changed since they were shown (argsDigest " + seenDigest + " is now "
                            + verdict.argsDigest() + "); review the new arguments and decide again");
        }
        switch (decision.kind()) {
            case APPROVE -> {
                if (approvers.contains(decision.reviewer())) {
                    throw DecisionRefusal.of(
                            DecisionRefusal.ALREADY_APPROVED_BY_REVIEWER,
                            decision.reviewer() + " already approved; " + remaining() + " more approval(s) from "
                                    + tier().groups() + " needed");
                }
            }
            case EDIT -> {
                if (decision.args() == null) {
                    throw DecisionRefusal.of(DecisionRefusal.INVALID_DECISION, "an edit needs the new arguments");
                }
            }
            default -> {}
        }
        if (decision.kind().lacksComment(decision.comment())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.INVALID_DECISION,
                    decision.kind() == DecisionKind.REJECT
                            ? "a rejection needs a reason"
                            : "a request for changes needs feedback for the agent");
        }
    }

    public DecisionResult approve(String reviewer) {
        approvers.add(reviewer);
        if (approvers.size() >= tier().approvals()) {
            state = ApprovalState.APPROVED;
        }
        return result();
    }

    public DecisionResult reject() {
        state = ApprovalState.REJECTED;
        return result();
    }

    public void cancel() {
        state = ApprovalState.CANCELLED;
    }

    public DecisionResult requestChanges() {
        state = ApprovalState.CHANGES_REQUESTED;
        return result();
    }

    /**
     * Replaces the held call with a reviewer's edit and the policy's verdict on it. Approvals given
     * for the old arguments no longer count; the editor's counts when they may approve under the
     * new verdict. An edit the policy would run on its own is approved by the editor alone; one
     * that needs a higher tier waits for that tier.
     */
    public DecisionResult edit(
            ToolCall edited, PolicyVerdict newVerdict, String editor, java.util.Set<String> groups, Instant now) {
        if (newVerdict.outcome() == Outcome.DENY) {
            throw new IllegalArgumentException("a denied edit must be refused before it reaches the gate");
        }
        ApprovalTier current = tier();
        call = edited;
        approvers.clear();
        if (newVerdict.outcome() == Outcome.AUTO) {
            verdict = new PolicyVerdict(
                            Outcome.APPROVE,
                            newVerdict.rule(),
                            newVerdict.policyHash(),
                            newVerdict.reason(),
                            List.of(new ApprovalTier(current.name(), current.groups(), 1, current.sla())),
                            newVerdict.argsDigest(),
                            false)
                    .with(newVerdict.review(), newVerdict.shadow())
                    .runningLocally(newVerdict.runsLocally());
        } else {
            verdict = newVerdict;
        }
        tierIndex = 0;
        tierStartedAt = now;
        if (tier().groups().stream().anyMatch(groups::contains)) {
            return approve(editor);
        }
        return result();
    }

    /** When the current tier's SLA runs out, or null when it has none or nothing is pending. */
    public Instant deadline() {
        Duration sla = tier().sla();
        return sla == null || state != ApprovalState.PENDING ? null : tierStartedAt.plus(sla);
    }

    /** Whether a tier follows the current one. */
    public boolean hasNextTier() {
        return tierIndex + 1 < verdict.tiers().size();
    }

    /**
     * Moves the request to the next tier, whose SLA starts now. Approvals given so far keep counting
     * only where the next tier carries them over, and only from members of its groups.
     */
    public void escalate(Instant now) {
        if (!hasNextTier()) {
            throw new IllegalStateException("approval " + approvalId + " has no tier after " + tier().name());
        }
        tierIndex++;
        tierStartedAt = now;
        if (!tier().carryOverApprovals()) {
            approvers.clear();
        }
    }

    /** Ends the request after the last tier's SLA passed: approved only where the policy says so. */
    public void timeOut() {
        state = verdict.onTimeout() == dev.countersign.policy.TimeoutOutcome.APPROVE
                ? ApprovalState.APPROVED
                : ApprovalState.TIMED_OUT;
    }

    public ApprovalTier currentTier() {
        return tier();
    }

    public DecisionResult result() {
        return new DecisionResult(approvalId, state, approvers.size(), tier().approvals(), verdict.argsDigest());
    }

    public PendingApproval view() {
        return new PendingApproval(
                approvalId,
                taskId,
                actionId,
                call.tool(),
                call.args(),
                verdict.argsDigest(),
                call.rationale(),
                call.confidence(),
                call.tags(),
                requester,
                verdict.rule(),
                verdict.policyHash(),
                tier().name(),
                tier().groups(),
                tier().approvals(),
                approvers.size(),
                approvers,
                requestedAt,
                deadline());
    }

    private ApprovalTier tier() {
        return verdict.tiers().get(tierIndex);
    }

    private int remaining() {
        return tier().approvals() - approvers.size();
    }

    public String approvalId() {
        return approvalId;
    }

    public String actionId() {
        return actionId;
    }

    public ToolCall call() {
        return call;
    }

    public PolicyVerdict verdict() {
        return verdict;
    }

    public ApprovalState state() {
        return state;
    }

    public String argsDigest() {
        return verdict.argsDigest();
    }
}
