package dev.countersign.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link ClusterLease} held in a row of the shared database ({@code countersign_cluster_lease}):
 * one conditional UPDATE takes an expired lease or renews our own, and the first holder INSERTs the
 * row, so two replicas trying at once never both hold it. Expiry compares the replicas' clocks:
 * they must agree to well within the lease's duration.
 */
public class JdbcClusterLease implements ClusterLease {

    private final JdbcClient jdbc;
    private final String name;
    private final String holder;
    private final Duration duration;
    private final Clock clock;

    /**
     * @param name the duty, the same on every replica
     * @param holder this replica, unique in the cluster
     * @param duration how long a lease lasts without renewal
     */
    public JdbcClusterLease(DataSource dataSource, String name, String holder, Duration duration, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.name = name;
        this.holder = holder;
        this.duration = duration;
        this.clock = clock;
    }

    @Override
    public boolean acquireOrRenew() {
        Instant now = clock.instant();
        OffsetDateTime expires = OffsetDateTime.ofInstant(now.plus(duration), ZoneOffset.UTC);
        int renewed = jdbc.sql("UPDATE countersign_cluster_lease SET holder = ?, expires_at = ?"
                        + " WHERE name = ? AND (holder = ? OR expires_at < ?)")
                .params(holder, expires, name, holder, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        if (renewed == 1) {
            return true;
        }
        try {
            return jdbc.sql("INSERT INTO countersign_cluster_lease (name, holder, expires_at) VALUES (?, ?, ?)")
                            .params(name, holder, expires)
                            .update()
                    == 1;
        } catch (DuplicateKeyException held) {
            return false; // another replica holds it, or took it first
        }
    }

    @Override
    public void release() {
        jdbc.sql("DELETE FROM countersign_cluster_lease WHERE name = ? AND holder = ?")
                .params(name, holder)
                .update();
    }
}
