package dev.countersign.approval;

import dev.countersign.agent.JsonValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tool call waiting for reviewers, as the inbox shows it: the exact arguments and their digest,
 * why the agent wants it, which rule and tier asked for review, who has approved so far, and when
 * the current tier's SLA runs out ({@code escalatesAt}, null without one).
 */
public record PendingApproval(
        String approvalId,
        String taskId,
        String actionId,
        String tool,
        Map<String, Object> args,
        String argsDigest,
        String rationale,
        Double confidence,
        List<String> tags,
        String requester,
        String rule,
        String policyHash,
        String tier,
        List<String> groups,
        int required,
        int approvals,
        List<String> approvers,
        Instant requestedAt,
        Instant escalatesAt) {

    public PendingApproval {
        args = args == null ? Map.of() : JsonValues.immutableCopy(args);
        tags = tags == null ? List.of() : List.copyOf(tags);
        groups = groups == null ? List.of() : List.copyOf(groups);
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    /** True when a reviewer with these groups is one this approval is waiting for. */
    public boolean decidableBy(String reviewer, java.util.Collection<String> reviewerGroups) {
        return !reviewer.equals(requester)
                && !approvers.contains(reviewer)
                && groups.stream().anyMatch(reviewerGroups::contains);
    }
}
