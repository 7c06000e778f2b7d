package dev.countersign.service.security.token;

import java.time.Instant;

/** What may be shown of a token after its creation: never its secret nor its hash. */
public record ApiTokenInfo(
        String id,
        String owner,
        String name,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
