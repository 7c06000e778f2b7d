package dev.countersign.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.service.security.Reviewer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The body of POST /api/tasks/{taskId}/actions/{actionId}/review: {@code verdict} (ok, flag or
 * rollback) and {@code comment} (required for a flag). The reviewer is the authenticated caller.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReviewBody(String verdict, String comment) {

    static final String ALLOWED =
            Arrays.stream(ReviewVerdict.values()).map(ReviewVerdict::wireName).collect(Collectors.joining(", "));

    ReviewRequest toRequest(String reviewId, String actionId, Reviewer reviewer, boolean operator) {
        if (verdict == null || verdict.isBlank()) {
            throw invalid("verdict is required: one of " + ALLOWED);
        }
        ReviewVerdict parsed = ReviewVerdict.fromWire(verdict);
        if (parsed == null) {
            throw invalid("unknown verdict '" + verdict + "': use one of " + ALLOWED);
        }
        if (parsed == ReviewVerdict.FLAG && (comment == null || comment.isBlank())) {
            throw invalid("a flag needs a comment saying what is wrong");
        }
        return ApiProblem.valid(
                ApiProblem.INVALID_DECISION,
                () -> new ReviewRequest(
                        reviewId, actionId, reviewer.name(), reviewer.groups(), operator, parsed, comment));
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest(ApiProblem.INVALID_DECISION, detail);
    }
}
