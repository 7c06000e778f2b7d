package dev.countersign.service.security.token;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A caller authenticated by an API token: the token's owner, with the owner's current groups. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String owner;
    private final String tokenId;

    ApiTokenAuthentication(String owner, String tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.owner = owner;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public String tokenId() {
        return tokenId;
    }

    @Override
    public Object getPrincipal() {
        return owner;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return owner;
    }

    @Override
    public String toString() {
        return "ApiTokenAuthentication[owner=" + owner + ", token=" + tokenId + ", authorities=" + getAuthorities()
                + "]";
    }
}
