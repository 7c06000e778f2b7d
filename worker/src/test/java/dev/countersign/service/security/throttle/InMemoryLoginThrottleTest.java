package dev.countersign.service.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-memory throttle: the counting rules, and memory bounded however many names are sprayed. */
class InMemoryLoginThrottleTest extends LoginThrottleContract {

    @Override
    protected LoginThrottle newThrottle(LoginThrottleProperties settings, Clock clock) {
        return new InMemoryLoginThrottle(settings, clock);
    }

    @Test
    void sprayingUserNamesKeepsMemoryBoundedAndTheSprayersAddressThrottled() {
        InMemoryLoginThrottle small = new InMemoryLoginThrottle(
                new LoginThrottleProperties(
                        5, 20, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(15), 100),
                clock);
        small.failed("x".repeat(20), "198.51.100.9");
        for (int i = 0; i < 20; i++) {
            small.failed("victim", "198.51.100.9");
        }

        for (int i = 0; i < 100_000; i++) {
            small.failed("name-" + i + "-" + "y".repeat(200), "10.0." + (i / 250) + "." + (i % 250));
            small.failed("other-" + i, "198.51.100.9");
        }

        assertThat(small.tracked()).isLessThanOrEqualTo(200);
        assertThat(small.refusedUntil("anyone", "198.51.100.9")).isPresent();
    }

    @Test
    void settingsAreValidatedAtStartUp() {
        assertThatThrownBy(() -> new LoginThrottleProperties(
                        0, 20, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(15), 100))
                .hasMessageContaining("countersign.security.login-throttle.max-failures-per-user");
        assertThatThrownBy(() -> new LoginThrottleProperties(
                        5, 20, Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(15), 100))
                .hasMessageContaining("countersign.security.login-throttle.window");
        assertThatThrownBy(() -> new LoginThrottleProperties(
                        5, 20, Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofMinutes(15), 100))
                .hasMessageContaining("max-backoff (PT15M) must not be shorter than initial-backoff (PT20M)");
    }
}
