package dev.countersign.service.security.token;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token that looks like an API token but does not authenticate anyone. Its message, for the
 * log, names the token by id and owner; {@link #clientDetail()} is what the caller is told. Neither
 * ever holds the secret.
 */
public final class ApiTokenRejected extends AuthenticationException {

    private static final String LOG_IN_AGAIN = "; create a new token and run `countersign login --token-stdin` with it";

    private final String clientDetail;

    private ApiTokenRejected(String logMessage, String clientDetail) {
        super(logMessage);
        this.clientDetail = clientDetail;
    }

    static ApiTokenRejected unknown() {
        return new ApiTokenRejected(
                "API token not recognised (no stored token has this id and secret)",
                "the API token is not recognised: it is mistyped, or was never issued by this server");
    }

    static ApiTokenRejected revoked(ApiTokenInfo token) {
        return new ApiTokenRejected(
                "API token " + token.id() + " of '" + token.owner() + "' was revoked by '" + token.revokedBy() + "' at "
                        + token.revokedAt(),
                "the API token '" + token.name() + "' was revoked at " + token.revokedAt() + LOG_IN_AGAIN);
    }

    static ApiTokenRejected expired(ApiTokenInfo token) {
        return new ApiTokenRejected(
                "API token " + token.id() + " of '" + token.owner() + "' expired at " + token.expiresAt(),
                "the API token '" + token.name() + "' expired at " + token.expiresAt() + LOG_IN_AGAIN);
    }

    static ApiTokenRejected ownerUnknown(ApiTokenInfo token) {
        return new ApiTokenRejected(
                "API token " + token.id() + " belongs to '" + token.owner() + "', who is no longer a user",
                "the API token's owner is no longer a user of this server");
    }

    public String clientDetail() {
        return clientDetail;
    }
}
