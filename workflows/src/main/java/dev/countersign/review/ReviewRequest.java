package dev.countersign.review;

import java.util.Set;

/**
 * A reviewer's verdict on one executed action as it reaches the workflow. {@code reviewer}, {@code
 * reviewerGroups} and {@code operator} come from authentication, never from a request body; {@code
 * reviewId} makes a repeated delivery get the earlier answer. A flag needs a comment.
 */
public record ReviewRequest(
        String reviewId,
        String actionId,
        String reviewer,
        Set<String> reviewerGroups,
        boolean operator,
        ReviewVerdict verdict,
        String comment) {

    public ReviewRequest {
        if (reviewId == null || reviewId.isBlank()) {
            throw new IllegalArgumentException("a review needs an id");
        }
        if (actionId == null || actionId.isBlank()) {
            throw new IllegalArgumentException("a review needs an action id");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review needs an authenticated reviewer");
        }
        if (verdict == null) {
            throw new IllegalArgumentException("a review needs a verdict: ok, flag or rollback");
        }
        reviewerGroups = reviewerGroups == null ? Set.of() : Set.copyOf(reviewerGroups);
        comment = comment == null ? "" : comment;
    }
}
