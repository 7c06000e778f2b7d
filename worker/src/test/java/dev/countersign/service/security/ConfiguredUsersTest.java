package dev.countersign.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.service.security.CountersignSecurityProperties.UserEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class ConfiguredUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void plainPasswordIsEncodedWithBcryptAtStartUp() {
        ConfiguredUsers users =
                new ConfiguredUsers(Map.of("bob", new UserEntry("correct horse", List.of("finance"))), encoder);

        String stored = users.loadUserByUsername("bob").getPassword();
        assertThat(stored).startsWith("{bcrypt}");
        assertThat(encoder.matches("correct horse", stored)).isTrue();
    }

    @Test
    void prefixedPasswordIsKeptAsConfigured() {
        ConfiguredUsers users =
                new ConfiguredUsers(Map.of("bob", new UserEntry("{noop}correct horse", List.of("finance"))), encoder);

        assertThat(users.loadUserByUsername("bob").getPassword()).isEqualTo("{noop}correct horse");
    }

    @Test
    void groupsBecomeGroupAuthorities() {
        ConfiguredUsers users = new ConfiguredUsers(
                Map.of("carol", new UserEntry("{noop}x", List.of("finance", "support-leads"))), encoder);

        assertThat(users.loadUserByUsername("carol").getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("GROUP_finance", "GROUP_support-leads");
    }

    @Test
    void eachLookupIsAFreshCopySoErasedCredentialsDoNotLeakIntoTheNextLogin() {
        ConfiguredUsers users =
                new ConfiguredUsers(Map.of("bob", new UserEntry("{noop}x", List.of("finance"))), encoder);

        UserDetails first = users.loadUserByUsername("bob");
        ((User) first).eraseCredentials();

        assertThat(users.loadUserByUsername("bob").getPassword()).isEqualTo("{noop}x");
    }

    @Test
    void unknownUserIsNotFound() {
        ConfiguredUsers users = new ConfiguredUsers(Map.of(), encoder);

        assertThatThrownBy(() -> users.loadUserByUsername("mallory")).isInstanceOf(UsernameNotFoundException.class);
    }
}
