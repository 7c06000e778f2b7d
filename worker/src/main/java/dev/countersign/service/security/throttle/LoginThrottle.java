package dev.countersign.service.security.throttle;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed logins with a user name and password (HTTP Basic, the console's form) per user name
 * and per client address, and refuses further attempts for a while once either has failed too often,
 * before any password is checked. Bearer tokens never pass through it. Nobody is locked out for good:
 * a back-off ends, and counters expire.
 *
 * <p>The service keeps the counters in its database ({@link JdbcLoginThrottle}), which every replica
 * shares, so several replicas give an attacker no more tries than one. {@link InMemoryLoginThrottle}
 * counts in one replica's memory, for an application without a database.
 */
public interface LoginThrottle {

    /** Until when a login attempt of this user from this address is refused, or empty when it may be checked. */
    Optional<Instant> refusedUntil(String user, String address);

    /** A wrong password (or an unknown user) was given; may start or lengthen a back-off. */
    void failed(String user, String address);

    /** The user signed in: their count starts again. The address's count stays, so one account cannot clear it. */
    void succeeded(String user, String address);
}
