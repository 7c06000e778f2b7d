package dev.countersign.service.security;

/**
 * Which tasks a signed-in user may read ({@code countersign.security.read-scope}): {@link #ALL}
 * tasks, or only those they are {@link #INVOLVED} in. Operators and admins read every task either way.
 */
public enum ReadScope {
    /** Every signed-in user reads every task, its history and approvals, and the demo ledger. */
    ALL,
    /**
     * A user reads a task only if they requested it or belong to a group one of its approval tiers
     * named; the demo ledger is for operators. Anything else answers as if it did not exist.
     */
    INVOLVED
}
