package dev.countersign.service.security;

import dev.countersign.service.security.token.ApiTokenAuthenticator;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer token by its shape: {@code cs_...} is a Countersign API token, anything else
 * a JWT of the OIDC provider when one is configured. Deliberately not an {@code AuthenticationManager}
 * bean, which would replace Spring Security's global one and HTTP Basic with it.
 */
public final class BearerAuthentication {

    private final ApiTokenAuthenticator apiTokens;
    private final AuthenticationProvider jwt;

    /** Either may be null: that kind of bearer token is then refused. */
    BearerAuthentication(ApiTokenAuthenticator apiTokens, AuthenticationProvider jwt) {
        this.apiTokens = apiTokens;
        this.jwt = jwt;
    }

    public boolean acceptsAny() {
        return apiTokens != null || jwt != null;
    }

    boolean acceptsJwt() {
        return jwt != null;
    }

    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (ApiTokenAuthenticator.isApiToken(token)) {
            if (apiTokens == null) {
                throw new InvalidBearerTokenException("this server has no API tokens");
            }
            return apiTokens.authenticate(token);
        }
        if (jwt == null) {
            throw new InvalidBearerTokenException(
                    "the bearer token is no Countersign API token (those start with cs_), and this server"
                            + " accepts no JWTs");
        }
        return jwt.authenticate(authentication);
    }
}
