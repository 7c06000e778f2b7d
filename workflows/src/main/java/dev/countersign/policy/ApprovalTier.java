package dev.countersign.policy;

import java.time.Duration;
import java.util.List;

/**
 * One tier of reviewers: who may approve, how many distinct approvals are needed, how long the tier
 * has before the request escalates ({@code sla}; null waits without limit), and whether approvals
 * given in the tier before keep counting here ({@code carryOverApprovals}).
 */
public record ApprovalTier(String name, List<String> groups, int approvals, Duration sla, boolean carryOverApprovals) {

    public ApprovalTier(String name, List<String> groups, int approvals, Duration sla) {
        this(name, groups, approvals, sla, false);
    }

    public ApprovalTier {
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("an approval tier needs at least one group");
        }
        if (approvals < 1) {
            throw new IllegalArgumentException("an approval tier needs at least one approval, was " + approvals);
        }
        if (sla != null && (sla.isNegative() || sla.isZero())) {
            throw new IllegalArgumentException("an approval tier's SLA must be positive, was " + sla);
        }
        name = name == null || name.isBlank() ? String.join("+", groups) : name;
    }
}
