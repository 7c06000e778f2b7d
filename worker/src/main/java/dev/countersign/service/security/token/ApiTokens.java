package dev.countersign.service.security.token;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: bearer credentials for the CLI and services, created and revoked by their
 * owner (admins may revoke any). Only a hash of each secret is stored; the secret is returned
 * once, by {@link #issue}.
 */
public interface ApiTokens {

    /** Creates a token for {@code owner}; {@code lifetime} null means it never expires. */
    IssuedToken issue(String owner, String name, Duration lifetime);

    /** The owner's tokens, newest first, revoked ones included. */
    List<ApiTokenInfo> list(String owner);

    /** Every user's tokens, newest first, for admins. */
    List<ApiTokenInfo> listAll();

    /** The token with this id, whoever owns it. */
    Optional<ApiTokenInfo> find(String tokenId);

    /**
     * Revokes the token; {@code actor} is who did it (the owner or an admin, checked by the caller).
     * Returns false when no token has this id; revoking a revoked token is a no-op that returns true.
     */
    boolean revoke(String tokenId, String actor);
}
