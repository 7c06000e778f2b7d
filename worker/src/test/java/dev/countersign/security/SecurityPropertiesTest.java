package dev.countersign.security;

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
}
