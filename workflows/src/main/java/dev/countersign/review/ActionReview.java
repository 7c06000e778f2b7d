package dev.countersign.review;

import java.time.Instant;
import java.util.List;

/**
 * The post-action review of one action: its state, who gave the verdict (or resolved a failed
 * rollback) and when, their comment, when the review window closes (null when not reviewed), and
 * the groups that may review it besides operators (those of the tiers that approved it; none for a
 * sampled AUTO action). The task's requester never reviews its own actions.
 */
public record ActionReview(
        ReviewState state, String reviewer, Instant at, String comment, Instant windowEndsAt, List<String> groups) {

    public static final ActionReview NONE = new ActionReview(ReviewState.NONE, null, null, null, null, List.of());

    public ActionReview {
        if (state == null) {
            throw new IllegalArgumentException("a review needs a state");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** Opens a review window that closes {@code windowEndsAt}, for operators and {@code groups}. */
    public static ActionReview opened(ReviewState state, Instant windowEndsAt, List<String> groups) {
        return new ActionReview(state, null, null, null, windowEndsAt, groups);
    }

    public ActionReview with(ReviewState newState, String by, Instant when, String newComment) {
        return new ActionReview(newState, by, when, newComment, windowEndsAt, groups);
    }

    /**
     * Whether this caller may give a verdict on the action (window aside): never the requester;
     * operators; members of {@link #groups}.
     */
    public boolean reviewableBy(
            String reviewer, java.util.Collection<String> reviewerGroups, boolean operator, String requester) {
        if (reviewer.equals(requester)) {
            return false;
        }
        return operator || groups.stream().anyMatch(reviewerGroups::contains);
    }

    /** Whether a verdict may still be given at {@code now}. */
    public boolean openAt(Instant now) {
        return state.open() && windowEndsAt != null && now.isBefore(windowEndsAt);
    }
}
