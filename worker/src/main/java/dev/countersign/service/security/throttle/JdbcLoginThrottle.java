package dev.countersign.service.security.throttle;

import dev.countersign.service.security.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link LoginThrottle} that every replica shares: one row per user name and one per client address
 * in the service's database (table {@code countersign_login_failure}, from CountersignSchema's
 * migrations), with the rules of {@link InMemoryLoginThrottle}. A failure is counted, and a back-off
 * started or doubled, by one UPDATE in the database, so failures on several replicas at once all count.
 * Rows whose counting ended are purged at most once a minute by each replica, so the table stays small.
 */
public class JdbcLoginThrottle implements LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(JdbcLoginThrottle.class);
    static final String USER = "user";
    static final String ADDRESS = "address";
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    /**
     * One more failure of a row that has not expired: during a back-off nothing else changes; after one
     * the back-off doubles (up to the maximum); before the first, reaching the limit starts one.
     */
    private static final String COUNT_FAILURE = "UPDATE countersign_login_failure SET failures = failures + 1,"
            + " backoff_ms = CASE WHEN backoff_ms IS NULL THEN (CASE WHEN failures + 1 >= ? THEN ? ELSE NULL END)"
            + " WHEN ? < blocked_until_ms THEN backoff_ms ELSE LEAST(backoff_ms * 2, ?) END,"
            + " blocked_until_ms = CASE WHEN backoff_ms IS NULL THEN (CASE WHEN failures + 1 >= ? THEN ? ELSE NULL END)"
            + " WHEN ? < blocked_until_ms THEN blocked_until_ms ELSE ? + LEAST(backoff_ms * 2, ?) END"
            + " WHERE kind = ? AND subject = ?";

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final AtomicLong nextPurge = new AtomicLong(Long.MIN_VALUE);

    public JdbcLoginThrottle(DataSource dataSource, LoginThrottleProperties settings, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> refusedUntil(String user, String address) {
        long now = clock.millis();
        return jdbc
                .sql("SELECT blocked_until_ms FROM countersign_login_failure WHERE blocked_until_ms > ?"
                        + " AND ((kind = ? AND subject = ?) OR (kind = ? AND subject = ?))")
                .params(now, USER, LoginThrottleKeys.key(user), ADDRESS, LoginThrottleKeys.key(address))
                .query(Long.class)
                .list()
                .stream()
                .max(Long::compare)
                .map(Instant::ofEpochMilli);
    }

    @Override
    public void failed(String user, String address) {
        long now = clock.millis();
        purgeExpired(now);
        count(USER, user, settings.maxFailuresPerUser(), now)
                .ifPresent(counter -> warnThrottled(
                        "user '" + LogSafe.text(user) + "' from " + LogSafe.text(address), counter, "for the user"));
        if (address == null || address.isEmpty()) {
            return;
        }
        count(ADDRESS, address, settings.maxFailuresPerAddress(), now)
                .ifPresent(counter -> warnThrottled(
                        "address " + LogSafe.text(address) + " (last user '" + LogSafe.text(user) + "')",
                        counter,
                        "from the address"));
    }

    @Override
    public void succeeded(String user, String address) {
        jdbc.sql("DELETE FROM countersign_login_failure WHERE kind = ? AND subject = ?")
                .params(USER, LoginThrottleKeys.key(user))
                .update();
    }

    /** How many user names and addresses are counted now; for tests of the purge. */
    int tracked() {
        return jdbc.sql("SELECT COUNT(*) FROM countersign_login_failure")
                .query(Integer.class)
                .single();
    }

    /** Counts a failure; the counter when this failure started or lengthened a back-off. */
    private Optional<Counter> count(String kind, String name, int maxFailures, long now) {
        String subject = LoginThrottleKeys.key(name);
        long window = settings.window().toMillis();
        jdbc.sql("DELETE FROM countersign_login_failure WHERE kind = ? AND subject = ?"
                        + " AND COALESCE(blocked_until_ms, window_start_ms) <= ?")
                .params(kind, subject, now - window)
                .update();
        if (update(kind, subject, maxFailures, now) == 0) {
            try {
                boolean blocked = maxFailures <= 1;
                long initial = settings.initialBackoff().toMillis();
                jdbc.sql("INSERT INTO countersign_login_failure"
                                + " (kind, subject, window_start_ms, failures, backoff_ms, blocked_until_ms)"
                                + " VALUES (?, ?, ?, 1, ?, ?)")
                        .params(kind, subject, now, blocked ? initial : null, blocked ? now + initial : null)
                        .update();
            } catch (DuplicateKeyException countedMeanwhile) {
                // Another replica counted this name's first failure at the same moment: count on its row.
                update(kind, subject, maxFailures, now);
            }
        }
        return jdbc.sql("SELECT failures, backoff_ms, blocked_until_ms FROM countersign_login_failure"
                        + " WHERE kind = ? AND subject = ?")
                .params(kind, subject)
                .query((row, number) -> new Counter(
                        row.getInt("failures"),
                        row.getObject("backoff_ms", Long.class),
                        row.getObject("blocked_until_ms", Long.class)))
                .optional()
                .filter(counter -> counter.startedAt(now));
    }

    private int update(String kind, String subject, int maxFailures, long now) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        return jdbc.sql(COUNT_FAILURE)
                .params(maxFailures, initial, now, max, maxFailures, now + initial, now, now, max, kind, subject)
                .update();
    }

    private void purgeExpired(long now) {
        long due = nextPurge.get();
        if (now < due || !nextPurge.compareAndSet(due, now + PURGE_EVERY.toMillis())) {
            return;
        }
        long ended = now - settings.window().toMillis();
        jdbc.sql("DELETE FROM countersign_login_failure WHERE window_start_ms <= ?"
                        + " AND (blocked_until_ms IS NULL OR blocked_until_ms <= ?)")
                .params(ended, ended)
                .update();
    }

    private void warnThrottled(String who, Counter counter, String counted) {
        log.warn(
                "login throttled: {} may not try again until {} ({} failed logins {} within {}; back-off {})",
                who,
                Instant.ofEpochMilli(counter.blockedUntilMs()),
                counter.failures(),
                counted,
                settings.window(),
                Duration.ofMillis(counter.backoffMs()));
    }

    /** A row as it is after a failure was counted. */
    private record Counter(int failures, Long backoffMs, Long blockedUntilMs) {

        /** True when the back-off began with a failure at {@code now}: just started or doubled. */
        boolean startedAt(long now) {
            return backoffMs != null && blockedUntilMs == now + backoffMs;
        }
    }
}
