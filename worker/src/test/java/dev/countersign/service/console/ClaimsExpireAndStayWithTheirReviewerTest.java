package dev.countersign.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.console.claim.Claim;
import dev.countersign.service.console.claim.Claims;
import dev.countersign.service.testing.AtOnce;
import dev.countersign.service.testing.MutableClock;
import dev.countersign.service.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A claim is presence: it belongs to one reviewer until released or expired, and never blocks a decision. */
class ClaimsExpireAndStayWithTheirReviewerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:02:00Z"));
    private final DataSource database = database();
    private final Claims claims = new Claims(database, clock, Duration.ofMinutes(15));

    /** A fresh database with Countersign's tables; H2 here, PostgreSQL in the subclass. */
    protected DataSource database() {
        return TestDatabase.freshH2();
    }

    @Test
    void anotherReviewersActiveClaimIsKept() {
        claims.claim("t-1.a2", "bob");
        clock.advance(Duration.ofMinutes(5));

        assertThat(claims.claim("t-1.a2", "carol").reviewer()).isEqualTo("bob");
        assertThat(claims.of("t-1.a2")).hasValueSatisfying(claim -> {
            assertThat(claim.reviewer()).isEqualTo("bob");
            assertThat(claim.since()).isEqualTo(Instant.parse("2026-03-01T10:02:00Z"));
        });
    }

    @Test
    void claimExpiresByItselfAndCanThenBeTakenOver() {
        claims.claim("t-1.a2", "bob");
        clock.advance(Duration.ofMinutes(15));

        assertThat(claims.of("t-1.a2")).isEmpty();
        assertThat(claims.claim("t-1.a2", "carol").reviewer()).isEqualTo("carol");
    }

    @Test
    void renewingKeepsTheStartAndMovesTheExpiry() {
        claims.claim("t-1.a2", "bob");
        clock.advance(Duration.ofMinutes(10));
        claims.claim("t-1.a2", "bob");
        clock.advance(Duration.ofMinutes(10));

        assertThat(claims.of("t-1.a2"))
                .hasValueSatisfying(
                        claim -> assertThat(claim.since()).isEqualTo(Instant.parse("2026-03-01T10:02:00Z")));
    }

    @Test
    void onlyTheClaimantReleases() {
        claims.claim("t-1.a2", "bob");
        claims.release("t-1.a2", "carol");
        assertThat(claims.of("t-1.a2")).isPresent();

        claims.release("t-1.a2", "bob");
        assertThat(claims.of("t-1.a2")).isEmpty();
    }

    @Test
    void twoReplicasClaimingAtOnceAgreeOnOneWinner() throws Exception {
        List<Claim> answers = AtOnce.run(6, i -> {
            Claims replica = new Claims(database, clock, Duration.ofMinutes(15));
            return () -> replica.claim("t-1.a2", "reviewer-" + i);
        });

        String winner = claims.of("t-1.a2").orElseThrow().reviewer();
        assertThat(answers).extracting(Claim::reviewer).containsOnly(winner);
    }

    @Test
    void aForgottenClaimIsGoneForEveryReplica() {
        claims.claim("t-1.a2", "bob");

        new Claims(database, clock, Duration.ofMinutes(15)).forget("t-1.a2");

        assertThat(claims.of("t-1.a2")).isEmpty();
        assertThat(claims.claim("t-1.a2", "carol").reviewer()).isEqualTo("carol");
    }
}
