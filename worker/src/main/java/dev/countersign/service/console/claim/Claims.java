package dev.countersign.service.console.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is looking at which approval, so reviewers do not all open the same one. A claim is
 * presence, not a decision: it gives no right and blocks nobody (anyone in the approval's groups can
 * still decide it, and the workflow alone decides what counts), so keeping it in this process's
 * memory is enough. It is lost on restart and not shared between replicas, and it expires by itself
 * after {@code ttl}; at worst two reviewers open the same approval, which the workflow's quorum and
 * argsDigest checks handle anyway.
 */
public class Claims {

    private final Map<String, Claim> byApproval = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public Claims(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * Claims the approval for {@code reviewer}, or renews their claim. Another reviewer's active
     * claim is kept and returned: a claim is taken over only after it expired or was released.
     */
    public Claim claim(String approvalId, String reviewer) {
        Instant now = clock.instant();
        byApproval.values().removeIf(expired -> !expired.activeAt(now));
        return byApproval.compute(approvalId, (id, current) -> {
            if (current != null && current.activeAt(now) && !current.heldBy(reviewer)) {
                return current;
            }
            Instant since = current != null && current.activeAt(now) ? current.since() : now;
            return new Claim(id, reviewer, since, now.plus(ttl));
        });
    }

    /** Releases the reviewer's claim; another reviewer's claim is left alone. */
    public void release(String approvalId, String reviewer) {
        byApproval.computeIfPresent(approvalId, (id, current) -> current.heldBy(reviewer) ? null : current);
    }

    /** The active claim on the approval, if any; expired claims are dropped as they are found. */
    public Optional<Claim> of(String approvalId) {
        Instant now = clock.instant();
        Claim claim = byApproval.computeIfPresent(approvalId, (id, current) -> current.activeAt(now) ? current : null);
        return Optional.ofNullable(claim);
    }

    /** Forgets the claim on an approval that was decided. */
    public void forget(String approvalId) {
        byApproval.remove(approvalId);
    }
}
