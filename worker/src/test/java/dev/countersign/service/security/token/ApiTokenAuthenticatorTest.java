package dev.countersign.service.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.service.testing.MutableClock;
import dev.countersign.store.CountersignSchema;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class ApiTokenAuthenticatorTest {

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder()
            .setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true)
            .build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final JdbcApiTokens tokens =
            new JdbcApiTokens(CountersignSchema.migrate(database).dataSource(), clock);
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(user("bob", "GROUP_finance"));
    private final ApiTokenAuthenticator authenticator = new ApiTokenAuthenticator(tokens, users, clock);

    @AfterEach
    void closeDatabase() {
        database.shutdown();
    }

    @Test
    void tokenAuthenticatesItsOwnerWithTheOwnersGroups() {
        IssuedToken issued = tokens.issue("bob", "ci", null);

        Authentication authentication = authenticator.authenticate(issued.secret());

        assertThat(authentication.getName()).isEqualTo("bob");
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getCredentials()).isNull();
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("GROUP_finance");
        assertThat(((ApiTokenAuthentication) authentication).tokenId())
                .isEqualTo(issued.info().id());
        assertThat(authentication.toString()).doesNotContain(issued.secret());
    }

    @Test
    void groupsAreTheOwnersGroupsNowNotWhenTheTokenWasMade() {
        IssuedToken issued = tokens.issue("bob", "ci", null);

        users.updateUser(user("bob", "GROUP_support-leads"));

        assertThat(authenticator.authenticate(issued.secret()).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("GROUP_support-leads");
    }

    @Test
    void tokenOfARemovedUserIsRejected() {
        IssuedToken issued = tokens.issue("bob", "ci", null);

        users.deleteUser("bob");

        assertThatThrownBy(() -> authenticator.authenticate(issued.secret()))
                .isInstanceOf(ApiTokenRejected.class)
                .hasMessageContaining("belongs to 'bob', who is no longer a user")
                .hasMessageNotContaining(issued.secret());
    }

    @Test
    void revokedTokenIsRejectedNamingItsIdButNotItsSecret() {
        IssuedToken issued = tokens.issue("bob", "ci", null);
        tokens.revoke(issued.info().id(), "ada");

        assertThatThrownBy(() -> authenticator.authenticate(issued.secret()))
                .isInstanceOfSatisfying(ApiTokenRejected.class, rejected -> {
                    assertThat(rejected.getMessage())
                            .contains("API token " + issued.info().id() + " of 'bob' was revoked by 'ada'")
                            .doesNotContain(issued.secret());
                    assertThat(rejected.clientDetail())
                            .startsWith("the API token 'ci' was revoked at ")
                            .contains("countersign login")
                            .doesNotContain("ada");
                });
    }

    @Test
    void expiredTokenIsRejected() {
        IssuedToken issued = tokens.issue("bob", "ci", Duration.ofHours(1));
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> authenticator.authenticate(issued.secret()))
                .isInstanceOf(ApiTokenRejected.class)
                .hasMessageContaining("expired at 2026-11-25T09:00:00Z");
    }

    @Test
    void unknownTokenIsRejected() {
        assertThatThrownBy(() -> authenticator.authenticate("cs_0123456789abcdef_" + "B".repeat(43)))
                .isInstanceOf(ApiTokenRejected.class)
                .hasMessageContaining("not recognised");
    }

    private static org.springframework.security.core.userdetails.UserDetails user(String name, String authority) {
        return User.withUsername(name)
                .password("{noop}x")
                .authorities(authority)
                .build();
    }
}
