package dev.countersign.service.console.claim;

import java.time.Instant;

/** A reviewer's note that they are looking at an approval, since when and until when it holds. */
public record Claim(String approvalId, String reviewer, Instant since, Instant expiresAt) {

    public Claim {
        if (approvalId == null || approvalId.isBlank() || reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a claim needs an approval and a reviewer");
        }
        if (since == null || expiresAt == null || !expiresAt.isAfter(since)) {
            throw new IllegalArgumentException("a claim needs a start and a later expiry");
        }
    }

    public boolean heldBy(String name) {
        return reviewer.equals(name);
    }
}
