package dev.countersign.service.security.throttle;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/**
 * A login attempt refused without checking its password, because its user name or client address
 * failed too often: the API answers 429 with {@code Retry-After}, the console its login page with
 * status 429 and a message.
 */
public class LoginThrottled extends AuthenticationException {

    /** The request attribute under which the console's login page finds the refusal. */
    public static final String REQUEST_ATTRIBUTE = LoginThrottled.class.getName();

    private final Instant until;
    private final long retryAfterSeconds;

    public LoginThrottled(Instant until, Instant now) {
        super("too many failed logins; try again after " + until);
        this.until = until;
        Duration left = Duration.between(now, until);
        this.retryAfterSeconds = Math.max(1, left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
    }

    public Instant until() {
        return until;
    }

    /** Whole seconds until the next attempt is checked, rounded up, at least 1: the Retry-After value. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
