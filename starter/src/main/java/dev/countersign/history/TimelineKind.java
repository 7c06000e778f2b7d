package dev.countersign.history;

/** What one entry of a task's timeline tells: a step of the agent, the policy, a person or the task's end. */
public enum TimelineKind {
    /** The requester started the task: agent, goal, input. */
    STARTED,
    /** The agent proposed a tool call: tool, args, rationale, confidence, tags. */
    PROPOSED,
    /** The agent asked a person a question, maybe with options. */
    QUESTION,
    /** The policy judged a proposed (or edited) call: outcome, rule, policy hash, tiers, reason, args digest. */
    POLICY_VERDICT,
    /** A call is held until reviewers reach quorum: approval id, groups, approvals required. */
    AWAITING_APPROVAL,
    /** A reviewer decided: approve, reject, edit or request_changes, and the approval's state after it. */
    DECISION,
    /** A decision (or answer, or cancellation) was accepted but refused while it was applied. */
    DECISION_FAILED,
    /** Reviewers of a tier were notified (delivered and failed targets in details). */
    NOTIFIED,
    /** A tier's SLA passed with no decision; the request moved to the next tier. */
    ESCALATED,
    /**
     * The last tier's SLA passed with no decision and the policy's timeout outcome applied: nobody
     * answered, which is never recorded as a person's rejection (no actor).
     */
    TIMED_OUT,
    /** A tool ran and returned its result. */
    EXECUTED,
    /** A tool call failed after its retries, or its policy could not be evaluated. */
    TOOL_FAILED,
    /**
     * A tool that is not idempotent may have run before its worker stopped; it is not run again and
     * the action waits, OUTCOME_UNKNOWN, for an operator to say whether it was done.
     */
    OUTCOME_UNKNOWN,
    /** An operator said whether a call of unknown outcome was done (outcome {@code DONE} or {@code NOT_DONE}). */
    OUTCOME_SETTLED,
    /** A reviewer found an executed action in order (ok) or flagged it. */
    REVIEWED,
    /** An action's compensation ran: a reviewer's rollback, a whole-task rollback, or an operator's retry. */
    ROLLED_BACK,
    /** An action's compensation failed after its retries; operators must retry it or resolve it by hand. */
    ROLLBACK_FAILED,
    /** An operator recorded that a failed rollback was resolved by hand. */
    COMPENSATION_RESOLVED,
    /** A person steered the agent. */
    GUIDANCE,
    /** A person answered the agent's question. */
    ANSWER,
    /** A person (or Temporal) asked to cancel the task. */
    CANCEL_REQUESTED,
    /** The task ended as COMPLETED. */
    COMPLETED,
    /** The task ended as FAILED, or its workflow failed or timed out. */
    FAILED,
    /** The task ended as CANCELLED, or its workflow was cancelled or terminated in Temporal. */
    CANCELLED,
    /** The task's workflow continued as new: its story goes on in the next run (run number, new run id). */
    CONTINUED_AS_NEW,
    /** Later runs were left out of this timeline by the reader's bound (runs and events read). */
    TRUNCATED
}
