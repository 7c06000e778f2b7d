package dev.countersign.service.console.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who is looking at which approval, so reviewers do not all open the same one. A claim is
 * presence, not a decision: it gives no right and blocks nobody (anyone in the approval's groups can
 * still decide it, and the workflow alone decides what counts). Claims live in the service's
 * database (table {@code countersign_review_claim}, from CountersignSchema's migrations), so every
 * replica sees the same ones and a restart keeps them; a claim expires by itself after {@code ttl}.
 * Two reviewers claiming at once on two replicas: the table's primary key lets one win, and the other
 * is shown the winner.
 */
public class Claims {

    private static final String COLUMNS = "approval_id, reviewer, since, expires_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    public Claims(DataSource dataSource, Clock clock, Duration ttl) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * Claims the approval for {@code reviewer}, or renews their claim. Another reviewer's active
     * claim is kept and returned: a claim is taken over only after it expired or was released.
     */
    public Claim claim(String approvalId, String reviewer) {
        Instant now = clock.instant();
        OffsetDateTime expiresAt = at(now.plus(ttl));
        while (true) {
            // Inside the loop: a claim that expires between the statements below is cleared on the next
            // turn, so the loop cannot spin on a row that is neither active nor gone.
            jdbc.sql("DELETE FROM countersign_review_claim WHERE expires_at <= ?")
                    .param(at(clock.instant()))
                    .update();
            try {
                jdbc.sql("INSERT INTO countersign_review_claim (" + COLUMNS + ") VALUES (?, ?, ?, ?)")
                        .params(approvalId, reviewer, at(now), expiresAt)
                        .update();
            } catch (DuplicateKeyException held) {
                // Held already: renewed when it is the reviewer's own, kept as it is when it is another's.
                jdbc.sql("UPDATE countersign_review_claim SET expires_at = ? WHERE approval_id = ? AND reviewer = ?")
                        .params(expiresAt, approvalId, reviewer)
                        .update();
            }
            Optional<Claim> current = of(approvalId);
            if (current.isPresent()) {
                return current.get();
            }
            // Released or expired between the two statements: claim it afresh.
        }
    }

    /** Releases the reviewer's claim; another reviewer's claim is left alone. */
    public void release(String approvalId, String reviewer) {
        jdbc.sql("DELETE FROM countersign_review_claim WHERE approval_id = ? AND reviewer = ?")
                .params(approvalId, reviewer)
                .update();
    }

    /** The active claim on the approval, if any. */
    public Optional<Claim> of(String approvalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM countersign_review_claim WHERE approval_id = ? AND expires_at > ?")
                .params(approvalId, at(clock.instant()))
                .query(Claims::claim)
                .optional();
    }

    /** Forgets the claim on an approval that was decided. */
    public void forget(String approvalId) {
        jdbc.sql("DELETE FROM countersign_review_claim WHERE approval_id = ?")
                .param(approvalId)
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Claim claim(ResultSet row, int number) throws SQLException {
        return new Claim(
                row.getString("approval_id"),
                row.getString("reviewer"),
                row.getObject("since", OffsetDateTime.class).toInstant(),
                row.getObject("expires_at", OffsetDateTime.class).toInstant());
    }
}
