package dev.countersign.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class CurrentUserTest {

    @Test
    void reviewerIsTheNameAndTheGroupAuthoritiesWithoutPrefix() {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                "carol", null, AuthorityUtils.createAuthorityList("GROUP_finance", "GROUP_support-leads", "ROLE_X"));

        assertThat(CurrentUser.of(authentication)).isEqualTo(new Reviewer("carol", Set.of("finance", "support-leads")));
    }

    @Test
    void anonymousCallerHasNoReviewer() {
        var anonymous = new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThatThrownBy(() -> CurrentUser.of(anonymous))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> CurrentUser.of(null)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void reviewerBelongsToAnyOfTheGroupsItHas() {
        Reviewer olga = new Reviewer("olga", Set.of("operators"));

        assertThat(olga.inAnyOf(List.of("support-agents", "operators"))).isTrue();
        assertThat(olga.inAnyOf(List.of("finance"))).isFalse();
    }
}
