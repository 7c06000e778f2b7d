package dev.countersign.service.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class JwtGroupsConverterTest {

    private final JwtGroupsConverter converter = new JwtGroupsConverter("groups", "preferred_username");

    @Test
    void userNameAndGroupsComeFromTheConfiguredClaims() {
        AbstractAuthenticationToken caller = converter.convert(jwt(claims -> claims.claim("sub", "f81d4fae")
                .claim("preferred_username", "alice")
                .claim("groups", List.of("support-leads", "finance"))));

        assertThat(caller.getName()).isEqualTo("alice");
        assertThat(groups(caller)).containsExactly("GROUP_support-leads", "GROUP_finance");
    }

    @Test
    void withoutTheUserNameClaimTheSubjectIsTheName() {
        AbstractAuthenticationToken caller = converter.convert(jwt(claims -> claims.claim("sub", "svc-billing")));

        assertThat(caller.getName()).isEqualTo("svc-billing");
    }

    @Test
    void missingGroupsClaimMeansNoGroups() {
        assertThat(groups(converter.convert(jwt(claims -> claims.claim("sub", "alice")))))
                .isEmpty();
    }

    @Test
    void groupsMayBeAStringAndKeycloakPathsLoseTheirSlash() {
        AbstractAuthenticationToken caller =
                converter.convert(jwt(claims -> claims.claim("sub", "bob").claim("groups", "/finance, support-leads")));

        assertThat(groups(caller)).containsExactly("GROUP_finance", "GROUP_support-leads");
    }

    @Test
    void aDottedClaimIsAPathIntoNestedClaims() {
        JwtGroupsConverter keycloak = new JwtGroupsConverter("realm_access.roles", "preferred_username");

        AbstractAuthenticationToken caller = keycloak.convert(jwt(
                claims -> claims.claim("sub", "bob").claim("realm_access", Map.of("roles", List.of("finance")))));

        assertThat(groups(caller)).containsExactly("GROUP_finance");
    }

    @Test
    void aTokenThatNamesNoUserIsRefused() {
        assertThatThrownBy(() -> converter.convert(jwt(claims -> claims.claim("groups", List.of("finance")))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("names no user");
    }

    @Test
    void aUserNameWithALineEndIsRefusedSoItCannotForgeLogLines() {
        assertThatThrownBy(() -> converter.convert(
                        jwt(claims -> claims.claim("sub", "x").claim("preferred_username", "alice\nWARN forged"))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("control characters");
    }

    private static Jwt jwt(Consumer<Jwt.Builder> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuedAt(Instant.parse("2026-11-25T08:00:00Z"))
                .expiresAt(Instant.parse("2026-11-25T09:00:00Z"));
        claims.accept(builder);
        return builder.build();
    }

    private static List<String> groups(AbstractAuthenticationToken caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}
