package dev.countersign.service.security.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins are throttled: after {@code max-failures-per-user} failures for one user name, or
 * {@code max-failures-per-address} from one client address, within {@code window}, further attempts
 * are refused with 429 for {@code initial-backoff}; each further failure after a back-off doubles it,
 * up to {@code max-backoff}. Counters end {@code window} after their last back-off (and are then purged
 * from the database). {@code max-tracked} bounds the in-memory throttle of an application without a
 * database: at most that many user names and as many addresses, the least recently seen forgotten first.
 */
@ConfigurationProperties("countersign.security.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("5") int maxFailuresPerUser,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("PT5M") Duration window,
        @DefaultValue("PT1M") Duration initialBackoff,
        @DefaultValue("PT15M") Duration maxBackoff,
        @DefaultValue("10000") int maxTracked) {

    private static final String PREFIX = "countersign.security.login-throttle.";

    public LoginThrottleProperties {
        requirePositive("max-failures-per-user", maxFailuresPerUser);
        requirePositive("max-failures-per-address", maxFailuresPerAddress);
        requirePositive("max-tracked", maxTracked);
        requirePositive("window", window);
        requirePositive("initial-backoff", initialBackoff);
        requirePositive("max-backoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(PREFIX + "max-backoff (" + maxBackoff
                    + ") must not be shorter than initial-backoff (" + initialBackoff + ")");
        }
    }

    /** The defaults: 5 per user, 20 per address, within 5 minutes; back-off 1 minute doubling to 15. */
    public static LoginThrottleProperties defaults() {
        return new LoginThrottleProperties(
                5, 20, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(15), 10_000);
    }

    private static void requirePositive(String property, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(PREFIX + property + " must be at least 1, was " + value);
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    PREFIX + property + " must be a positive duration such as PT1M, was " + value);
        }
    }
}
