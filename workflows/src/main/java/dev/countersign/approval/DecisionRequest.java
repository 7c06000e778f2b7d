package dev.countersign.approval;

import dev.countersign.agent.JsonValues;
import java.util.Map;
import java.util.Set;

/**
 * A reviewer's decision as it reaches the workflow. {@code reviewer} and {@code reviewerGroups} are
 * the authenticated principal, set by the API, never read from a request body. {@code decisionId}
 * makes a repeated delivery of the same decision get the earlier answer. {@code argsDigest}, when
 * given, binds the decision to the exact arguments the reviewer saw. {@code args} is required for
 * an edit and ignored otherwise.
 */
public record DecisionRequest(
        String decisionId,
        String approvalId,
        String reviewer,
        Set<String> reviewerGroups,
        DecisionKind kind,
        Map<String, Object> args,
        String argsDigest,
        String comment) {

    public DecisionRequest {
        if (decisionId == null || decisionId.isBlank()) {
            throw new IllegalArgumentException("a decision needs an id");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a decision needs an authenticated reviewer");
        }
        if (kind == null) {
            throw new IllegalArgumentException("a decision needs a kind");
        }
        reviewerGroups = reviewerGroups == null ? Set.of() : Set.copyOf(reviewerGroups);
        args = args == null ? null : JsonValues.immutableCopy(args);
        comment = comment == null ? "" : comment;
    }
}
