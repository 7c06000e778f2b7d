package dev.countersign.policy;

/**
 * What happens when the last tier's SLA passes with no decision. Never recorded as a person's
 * decision: the action becomes TIMED_OUT and the agent is told nobody answered.
 */
public enum TimeoutOutcome {
    /** The call does not run (the default). */
    REJECT,
    /** The call does not run and the whole task is cancelled. */
    CANCEL,
    /** The call runs without a reviewer; only where a rule says so explicitly. */
    APPROVE
}
