package dev.countersign.service.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.testing.AtOnce;
import dev.countersign.service.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The throttle in the database: the counting rules, shared by replicas, and a table that does not grow. */
class JdbcLoginThrottleTest extends LoginThrottleContract {

    private DataSource database;

    /** A fresh database with Countersign's tables; H2 here, PostgreSQL in the subclass. */
    protected DataSource database() {
        return TestDatabase.freshH2();
    }

    @Override
    protected LoginThrottle newThrottle(LoginThrottleProperties settings, Clock clock) {
        if (database == null) {
            database = database();
        }
        return new JdbcLoginThrottle(database, settings, clock);
    }

    @Test
    void failuresOnSeveralReplicasAtOnceAllCount() throws Exception {
        failures("alice", HOME, 1);

        AtOnce.run(4, i -> {
            LoginThrottle replica = newThrottle(LoginThrottleProperties.defaults(), clock);
            return () -> {
                replica.failed("alice", "198.51.100." + i);
                return null;
            };
        });

        assertThat(throttle.refusedUntil("alice", HOME))
                .as("five failures, four of them at once on four replicas")
                .contains(clock.instant().plus(Duration.ofMinutes(1)));
    }

    @Test
    void aBackOffStartedOnOneReplicaIsHonouredByAnother() {
        failures("alice", HOME, 5);

        LoginThrottle other = newThrottle(LoginThrottleProperties.defaults(), clock);

        assertThat(other.refusedUntil("alice", "198.51.100.9"))
                .contains(clock.instant().plus(Duration.ofMinutes(1)));
    }

    @Test
    void countersWhoseCountingEndedArePurged() {
        JdbcLoginThrottle purging = (JdbcLoginThrottle) throttle;
        for (int i = 0; i < 50; i++) {
            purging.failed("name-" + i + "-" + "y".repeat(200), "10.0.0." + i);
        }
        failures("alice", HOME, 5);
        assertThat(purging.tracked()).isEqualTo(50 + 50 + 2);

        clock.advance(Duration.ofMinutes(5));
        purging.failed("bob", "198.51.100.9");

        assertThat(purging.tracked())
                .as("alice's name, whose back-off ended within the window, and bob's name and address")
                .isEqualTo(3);
        assertThat(purging.refusedUntil("alice", HOME)).isEmpty();
    }
}
