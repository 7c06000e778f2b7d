package dev.countersign.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** countersign.security is checked at start-up; a bad value stops the start and names the property. */
class SecurityPropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(UserStoreConfiguration.class);

    @Test
    void groupDefaultsLetSupportAgentsAndOperatorsStartTasks() {
        runner.withPropertyValues(
                        "countersign.security.users.dave.password={noop}x",
                        "countersign.security.users.dave.groups=support-agents")
                .run(context -> {
                    CountersignSecurityProperties properties = context.getBean(CountersignSecurityProperties.class);
                    assertThat(properties.requesterGroups()).containsExactly("support-agents", "operators");
                    assertThat(properties.operatorGroups()).containsExactly("operators");
                    assertThat(properties.users().get("dave").groups()).containsExactly("support-agents");
                });
    }

    @Test
    void readScopeIsInvolvedUnlessSetToAll() {
        runner.run(context -> assertThat(
                        context.getBean(CountersignSecurityProperties.class).readScope())
                .isEqualTo(ReadScope.INVOLVED));
        runner.withPropertyValues("countersign.security.read-scope=all")
                .run(context -> assertThat(context.getBean(CountersignSecurityProperties.class)
                                .readScope())
                        .isEqualTo(ReadScope.ALL));
        // COUNTERSIGN_READ_SCOPE set but empty: the safer scope, not every task.
        runner.withPropertyValues("countersign.security.read-scope=")
                .run(context -> assertThat(context.getBean(CountersignSecurityProperties.class)
                                .readScope())
                        .isEqualTo(ReadScope.INVOLVED));
    }

    @Test
    void unknownReadScopeStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("countersign.security.read-scope=everyone")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("countersign.security.read-scope")
                        .hasStackTraceContaining("everyone"));
    }

    @Test
    void userWithoutPasswordStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("countersign.security.users.dave.groups=support-agents")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.security.users.dave.password must be set"));
    }

    @Test
    void userWithoutGroupsStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("countersign.security.users.dave.password=secret")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.security.users.dave.groups must name at least one group"));
    }

    @Test
    void emptyRequesterGroupsStopTheStart() {
        runner.withPropertyValues("countersign.security.requester-groups=")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.security.requester-groups must name at least one group"));
    }

    @Test
    void unknownPasswordEncodingStopsTheStartNamingTheProperty() {
        runner.withPropertyValues(
                        "countersign.security.users.dave.password={rot13}qrzb",
                        "countersign.security.users.dave.groups=support-agents")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.security.users.dave.password")
                        .hasMessageContaining("rot13"));
    }

    @Test
    void passwordNeverAppearsInTheUserEntrysText() {
        var entry = new CountersignSecurityProperties.UserEntry("s3cret", List.of("finance"));

        assertThat(entry.toString()).doesNotContain("s3cret").contains("finance");
    }

    @Test
    void defaultsHaveAdminsBasicOnAndNoOidc() {
        runner.run(context -> {
            CountersignSecurityProperties properties = context.getBean(CountersignSecurityProperties.class);
            assertThat(properties.adminGroups()).containsExactly("admins");
            assertThat(properties.basic().enabled()).isTrue();
            assertThat(properties.oidc().enabled()).isFalse();
            assertThat(properties.oidc().groupsClaim()).isEqualTo("groups");
            assertThat(properties.oidc().usernameClaim()).isEqualTo("preferred_username");
        });
    }

    @Test
    void emptyOidcAddressesFromUnsetVariablesLeaveOidcOff() {
        runner.withPropertyValues("countersign.security.oidc.issuer-uri=", "countersign.security.oidc.jwk-set-uri=")
                .run(context -> assertThat(context.getBean(CountersignSecurityProperties.class)
                                .oidc()
                                .enabled())
                        .isFalse());
    }

    @Test
    void oidcIssuerTurnsOidcOnWithItsClaims() {
        runner.withPropertyValues(
                        "countersign.security.oidc.issuer-uri=https://login.example.com/realms/acme",
                        "countersign.security.oidc.groups-claim=realm_access.roles")
                .run(context -> {
                    var oidc =
                            context.getBean(CountersignSecurityProperties.class).oidc();
                    assertThat(oidc.enabled()).isTrue();
                    assertThat(oidc.groupsClaim()).isEqualTo("realm_access.roles");
                });
    }

    @Test
    void oidcIssuerThatIsNoHttpUrlStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("countersign.security.oidc.issuer-uri=login.example.com")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.security.oidc.issuer-uri must be an http(s) URL"));
    }

    @Test
    void blankGroupsClaimStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("countersign.security.oidc.groups-claim= ")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.security.oidc.groups-claim must not be blank"));
    }

    @Test
    void emptyAdminGroupsStopTheStart() {
        runner.withPropertyValues("countersign.security.admin-groups=")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.security.admin-groups must name at least one group"));
    }
}
