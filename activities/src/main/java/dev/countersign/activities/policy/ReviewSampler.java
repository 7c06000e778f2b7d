package dev.countersign.activities.policy;

import dev.countersign.payload.Digests;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.ReviewPlan;
import java.nio.ByteBuffer;

/**
 * Picks the AUTO calls a rule samples for review. The pick is a pure function of the task and
 * action ids (the argument digest for requests without an action id), so asking twice, or
 * replaying the task, picks the same calls; and the activity's result records it in history.
 */
final class ReviewSampler {

    private static final double TWO_TO_THE_53 = 0x1p53;

    private ReviewSampler() {}

    static ReviewPlan plan(ReviewPlan template, PolicyRequest request, String argsDigest) {
        String key = request.taskId() + "/" + (request.actionId() == null ? argsDigest : request.actionId());
        return new ReviewPlan(template.window(), template.sampleRate(), picks(template.sampleRate(), key));
    }

    /** True for about {@code rate} of all keys: the key's SHA-256 read as a number in [0, 1). */
    static boolean picks(double rate, String key) {
        if (rate <= 0.0) {
            return false;
        }
        if (rate >= 1.0) {
            return true;
        }
        long bits = ByteBuffer.wrap(Digests.sha256(key)).getLong() >>> 11;
        return bits / TWO_TO_THE_53 < rate;
    }
}
