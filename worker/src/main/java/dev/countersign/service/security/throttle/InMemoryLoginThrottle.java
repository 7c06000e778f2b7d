package dev.countersign.service.security.throttle;

import dev.countersign.service.security.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoginThrottle} of one replica, in memory: used only where the application has no
 * database ({@link JdbcLoginThrottle} otherwise, which every replica shares). User names and
 * addresses are counted in two separate maps, each bounded by {@code max-tracked} entries with the
 * least recently seen forgotten first, so spraying user names can neither grow memory nor push an
 * address's count out. A user name longer than {@value LoginThrottleKeys#MAX_KEY_LENGTH} characters
 * is kept as its SHA-256, so memory stays bounded whatever size the names come in. Thread-safe;
 * every call is short and takes one lock.
 */
public class InMemoryLoginThrottle implements LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(InMemoryLoginThrottle.class);

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final Map<String, Counter> users;
    private final Map<String, Counter> addresses;

    public InMemoryLoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.users = bounded(settings.maxTracked());
        this.addresses = bounded(settings.maxTracked());
    }

    @Override
    public synchronized Optional<Instant> refusedUntil(String user, String address) {
        Instant now = clock.instant();
        Instant byUser = blockedUntil(users, key(user), now);
        Instant byAddress = blockedUntil(addresses, key(address), now);
        if (byUser == null) {
            return Optional.ofNullable(byAddress);
        }
        return Optional.of(byAddress == null || byUser.isAfter(byAddress) ? byUser : byAddress);
    }

    @Override
    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        Counter byUser = counter(users, key(user), now);
        if (byUser.fail(now, settings.maxFailuresPerUser())) {
            warnThrottled("user '" + LogSafe.text(user) + "' from " + LogSafe.text(address), byUser, "for the user");
        }
        if (address == null || address.isEmpty()) {
            return;
        }
        Counter byAddress = counter(addresses, key(address), now);
        if (byAddress.fail(now, settings.maxFailuresPerAddress())) {
            warnThrottled(
                    "address " + LogSafe.text(address) + " (last user '" + LogSafe.text(user) + "')",
                    byAddress,
                    "from the address");
        }
    }

    /** One line for each back-off that starts, whether a user name or an address earned it. */
    private void warnThrottled(String who, Counter counter, String counted) {
        log.warn(
                "login throttled: {} may not try again until {} ({} failed logins {} within {}; back-off {})",
                who,
                counter.blockedUntil,
                counter.failures,
                counted,
                settings.window(),
                counter.backoff);
    }

    @Override
    public synchronized void succeeded(String user, String address) {
        users.remove(key(user));
    }

    /** How many user names and addresses are tracked now; for tests of the memory bound. */
    synchronized int tracked() {
        return users.size() + addresses.size();
    }

    private Instant blockedUntil(Map<String, Counter> counters, String key, Instant now) {
        if (key == null) {
            return null;
        }
        Counter counter = counters.get(key);
        if (counter == null) {
            return null;
        }
        if (counter.expired(now, settings.window())) {
            counters.remove(key);
            return null;
        }
        return counter.blockedUntil != null && now.isBefore(counter.blockedUntil) ? counter.blockedUntil : null;
    }

    private Counter counter(Map<String, Counter> counters, String key, Instant now) {
        Counter counter = counters.get(key);
        if (counter == null || counter.expired(now, settings.window())) {
            counter = new Counter();
            counters.put(key, counter);
        }
        return counter;
    }

    private static String key(String value) {
        return LoginThrottleKeys.key(value);
    }

    private static Map<String, Counter> bounded(int maxEntries) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * Failures of one user name or address. Before its first back-off it counts failures in a window
     * that starts with the first one; from then on each failure after a back-off ended doubles the
     * back-off (failures during one, from requests that were already being checked, do not), until
     * nothing failed for a window after the last back-off.
     */
    private final class Counter {

        private Instant windowStart;
        private int failures;
        private Instant blockedUntil;
        private Duration backoff;

        /** Counts a failure; true when it starts or lengthens a back-off. */
        boolean fail(Instant now, int maxFailures) {
            failures++;
            if (backoff != null) {
                if (now.isBefore(blockedUntil)) {
                    return false;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
                blockedUntil = now.plus(backoff);
                return true;
            }
            if (windowStart == null || !now.isBefore(windowStart.plus(settings.window()))) {
                windowStart = now;
                failures = 1;
            }
            if (failures < maxFailures) {
                return false;
            }
            backoff = settings.initialBackoff();
            blockedUntil = now.plus(backoff);
            return true;
        }

        boolean expired(Instant now, Duration window) {
            Instant since = backoff == null ? windowStart : blockedUntil;
            return since != null && !now.isBefore(since.plus(window));
        }
    }
}
