package dev.countersign.policy;

import java.time.Duration;

/**
 * The post-action review a rule asks for: executed actions it approved, and AUTO actions picked by
 * sampling, stay open for reviewers during {@code window}. {@code sampleRate} (0..1) is the rule's
 * rate for AUTO actions and {@code sampled} the policy's reproducible pick for this one call.
 */
public record ReviewPlan(Duration window, double sampleRate, boolean sampled) {

    public ReviewPlan {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a review window must be positive, was " + window);
        }
        if (!(sampleRate >= 0.0 && sampleRate <= 1.0)) {
            throw new IllegalArgumentException("a review sample rate must be between 0 and 1, was " + sampleRate);
        }
    }

    /** Whether an action executed under {@code outcome} enters the review window. */
    public boolean reviews(Outcome outcome) {
        return outcome == Outcome.APPROVE || (outcome == Outcome.AUTO && sampled);
    }
}
