package dev.countersign.service.security;

import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Reads the caller from Spring Security's authentication: the only source of identity the API
 * trusts. Groups are the authorities named {@value #GROUP_PREFIX}{@code <group>}.
 */
public final class CurrentUser {

    public static final String GROUP_PREFIX = "GROUP_";

    private CurrentUser() {}

    public static Reviewer of(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("no authenticated user");
        }
        return new Reviewer(
                authentication.getName(),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(authority -> authority != null && authority.startsWith(GROUP_PREFIX))
                        .map(authority -> authority.substring(GROUP_PREFIX.length()))
                        .collect(Collectors.toUnmodifiableSet()));
    }

    public static String authority(String group) {
        return GROUP_PREFIX + group;
    }

    /** The authorities that grant the given groups, as Spring Security's {@code hasAnyAuthority} takes them. */
    public static String[] authorities(Collection<String> groups) {
        return groups.stream().map(CurrentUser::authority).toArray(String[]::new);
    }
}
