package dev.countersign.service.security.token;

import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Turns a bearer API token into its owner, with the groups the user store gives the owner now (so a
 * user taken out of a group loses it on every token at once). Deliberately not an
 * {@code AuthenticationProvider} bean: one of those would replace the user store in Spring Security's
 * global authentication manager, and HTTP Basic with it.
 */
public class ApiTokenAuthenticator {

    private final JdbcApiTokens tokens;
    private final UserDetailsService users;
    private final Clock clock;

    public ApiTokenAuthenticator(JdbcApiTokens tokens, UserDetailsService users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    /** Whether this bearer value is meant as an API token (rather than, say, a JWT). */
    public static boolean isApiToken(String bearer) {
        return TokenSecrets.looksLikeApiToken(bearer);
    }

    /** The token's owner, or {@link ApiTokenRejected} saying why not. */
    public Authentication authenticate(String token) {
        ApiTokenInfo info = tokens.verify(token).orElseThrow(ApiTokenRejected::unknown);
        if (info.revokedAt() != null) {
            throw ApiTokenRejected.revoked(info);
        }
        if (!info.active(clock.instant())) {
            throw ApiTokenRejected.expired(info);
        }
        UserDetails owner;
        try {
            owner = users.loadUserByUsername(info.owner());
        } catch (UsernameNotFoundException gone) {
            throw ApiTokenRejected.ownerUnknown(info);
        }
        if (!owner.isEnabled() || !owner.isAccountNonLocked() || !owner.isAccountNonExpired()) {
            throw ApiTokenRejected.ownerUnknown(info);
        }
        return new ApiTokenAuthentication(info.owner(), info.id(), owner.getAuthorities());
    }
}
