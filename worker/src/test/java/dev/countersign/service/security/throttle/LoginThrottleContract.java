package dev.countersign.service.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counting rules every login throttle follows, with a clock the test moves; each throttle's test extends this. */
abstract class LoginThrottleContract {

    static final String HOME = "192.0.2.1";

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    protected final LoginThrottle throttle = newThrottle(LoginThrottleProperties.defaults(), clock);

    protected abstract LoginThrottle newThrottle(LoginThrottleProperties settings, Clock clock);

    @Test
    void fourFailuresAreAllowedTheFifthStartsAOneMinuteBackOff() {
        failures("alice", HOME, 4);
        assertThat(throttle.refusedUntil("alice", HOME)).isEmpty();

        throttle.failed("alice", HOME);

        assertThat(throttle.refusedUntil("alice", HOME))
                .contains(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(throttle.refusedUntil("alice", "198.51.100.9"))
                .as("the user is throttled from any address")
                .isPresent();
    }

    @Test
    void fewerThanFiveFailuresInEachFiveMinutesNeverThrottle() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("alice", "192.0.2." + i);
            clock.advance(Duration.ofSeconds(76));
        }

        assertThat(throttle.refusedUntil("alice", HOME)).isEmpty();
    }

    @Test
    void eachFailureAfterABackOffDoublesItUpToFifteenMinutes() {
        failures("alice", HOME, 5);
        List<Duration> backOffs = new ArrayList<>();
        backOffs.add(refusedFor("alice"));
        for (int i = 0; i < 5; i++) {
            clock.advance(refusedFor("alice"));
            assertThat(throttle.refusedUntil("alice", HOME)).isEmpty();
            throttle.failed("alice", HOME);
            backOffs.add(refusedFor("alice"));
        }

        assertThat(backOffs)
                .containsExactly(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15));
    }

    @Test
    void failuresDuringABackOffDoNotLengthenIt() {
        failures("alice", HOME, 5);

        failures("alice", HOME, 10);

        assertThat(refusedFor("alice")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void nobodyIsLockedOutForGoodTheCountersExpire() {
        failures("alice", HOME, 5);
        for (int i = 0; i < 6; i++) {
            clock.advance(refusedFor("alice"));
            throttle.failed("alice", HOME);
        }
        assertThat(refusedFor("alice")).isEqualTo(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(15).plus(Duration.ofMinutes(5)));

        assertThat(throttle.refusedUntil("alice", HOME)).isEmpty();
        failures("alice", HOME, 4);
        assertThat(throttle.refusedUntil("alice", HOME))
                .as("a fresh count of five")
                .isEmpty();
    }

    @Test
    void aSuccessStartsTheUsersCountAgainButNotTheAddresss() {
        failures("alice", HOME, 4);
        for (int i = 0; i < 15; i++) {
            throttle.failed("user" + i, HOME);
        }

        throttle.succeeded("alice", HOME);
        failures("alice", HOME, 1);

        assertThat(throttle.refusedUntil("bob", HOME))
                .as("20 failures from the address, a success included")
                .isPresent();
        assertThat(throttle.refusedUntil("alice", "198.51.100.9")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressOverManyNamesThrottleTheAddress() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, HOME);
        }
        assertThat(throttle.refusedUntil("bob", HOME)).isEmpty();

        throttle.failed("user19", HOME);

        assertThat(throttle.refusedUntil("bob", HOME)).contains(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(throttle.refusedUntil("bob", "198.51.100.9")).isEmpty();
    }

    void failures(String user, String address, int count) {
        for (int i = 0; i < count; i++) {
            throttle.failed(user, address);
        }
    }

    Duration refusedFor(String user) {
        return Duration.between(
                clock.instant(),
                throttle.refusedUntil(user, HOME).orElseThrow(() -> new AssertionError(user + " is not throttled")));
    }
}
