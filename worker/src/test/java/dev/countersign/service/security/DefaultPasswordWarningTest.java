package dev.countersign.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.security.CountersignSecurityProperties.UserEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

@ExtendWith(OutputCaptureExtension.class)
class DefaultPasswordWarningTest {

    private static final String WARNING = "demo users use the default password 'demo'; set COUNTERSIGN_DEMO_PASSWORD";

    @Test
    void usersWithTheDemoPasswordAreWarnedAboutAtStartUp(CapturedOutput output) {
        warnFor(Map.of(
                "dave", new UserEntry("demo", List.of("support-agents")),
                "olga", new UserEntry("{noop}demo", List.of("operators")),
                "bob", new UserEntry("{noop}something else", List.of("finance"))));

        assertThat(output.getOut()).contains(WARNING + " (users: dave, olga)");
    }

    @Test
    void changedPasswordsRaiseNoWarning(CapturedOutput output) {
        warnFor(Map.of("dave", new UserEntry("long and unguessable", List.of("support-agents"))));

        assertThat(output.getOut()).doesNotContain(WARNING);
    }

    @Test
    void noUsersAtAllIsWarnedAbout(CapturedOutput output) {
        warnFor(Map.of());

        assertThat(output.getOut()).contains("no users are configured under countersign.security.users");
    }

    private static void warnFor(Map<String, UserEntry> users) {
        new DefaultPasswordWarning(
                        new ConfiguredUsers(users, PasswordEncoderFactories.createDelegatingPasswordEncoder()))
                .afterSingletonsInstantiated();
    }
}
