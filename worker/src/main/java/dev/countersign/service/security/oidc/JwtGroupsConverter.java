package dev.countersign.service.security.oidc;

import dev.countersign.service.security.CurrentUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads the caller from a validated JWT: the user name from the configured claim (else {@code sub}),
 * the groups from the configured claim as {@code GROUP_<name>} authorities. The groups claim may be
 * a list or a space- or comma-separated string, and a dotted path ({@code realm_access.roles}) when
 * no claim has the dotted name itself; a leading slash (Keycloak's group paths) is dropped. No claim
 * means no groups: such a caller can read but decide nothing.
 */
public final class JwtGroupsConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String groupsClaim;
    private final String usernameClaim;

    public JwtGroupsConverter(String groupsClaim, String usernameClaim) {
        this.groupsClaim = groupsClaim;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString(usernameClaim);
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        if (name == null || name.isBlank()) {
            throw new InvalidBearerTokenException(
                    "the JWT names no user: it has neither '" + usernameClaim + "' nor 'sub'");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidBearerTokenException("the JWT's user name holds control characters");
        }
        return new JwtAuthenticationToken(jwt, authorities(jwt), name);
    }

    private Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String group : groups(claim(jwt.getClaims()))) {
            authorities.add(new SimpleGrantedAuthority(CurrentUser.authority(group)));
        }
        return authorities;
    }

    private Object claim(Map<String, Object> claims) {
        if (claims.containsKey(groupsClaim) || !groupsClaim.contains(".")) {
            return claims.get(groupsClaim);
        }
        Object node = claims;
        for (String step : groupsClaim.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(step);
        }
        return node;
    }

    private static Set<String> groups(Object claim) {
        Set<String> groups = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> add(groups, value == null ? null : value.toString()));
        } else if (claim instanceof String text) {
            for (String value : text.split("[\\s,]+")) {
                add(groups, value);
            }
        }
        return groups;
    }

    private static void add(Set<String> groups, String value) {
        if (value == null) {
            return;
        }
        String group = value.strip();
        group = group.startsWith("/") ? group.substring(1) : group;
        if (!group.isEmpty() && group.chars().noneMatch(Character::isISOControl)) {
            groups.add(group);
        }
    }
}
