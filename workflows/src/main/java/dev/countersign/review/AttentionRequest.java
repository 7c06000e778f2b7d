package dev.countersign.review;

/**
 * An operator's answer to an action that needs attention: retry a failed compensation or mark it
 * resolved by hand (with a comment saying how), or say whether a call of unknown outcome was done
 * or not done (with a comment saying how they know). {@code operatorName} and {@code operator} come from authentication; {@code
 * requestId} makes a repeated delivery get the earlier answer.
 */
public record AttentionRequest(
        String requestId, String actionId, String operatorName, boolean operator, AttentionKind kind, String comment) {

    public AttentionRequest {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("an operator's request needs an id");
        }
        if (actionId == null || actionId.isBlank()) {
            throw new IllegalArgumentException("an operator's request needs an action id");
        }
        if (operatorName == null || operatorName.isBlank()) {
            throw new IllegalArgumentException("an operator's request needs an authenticated operator");
        }
        if (kind == null) {
            throw new IllegalArgumentException("an operator's request needs a kind: retry, resolve, done or not done");
        }
        comment = comment == null ? "" : comment;
    }
}
