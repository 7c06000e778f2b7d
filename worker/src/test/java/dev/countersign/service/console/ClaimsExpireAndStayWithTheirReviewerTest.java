package dev.countersign.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.console.claim.Claims;
import dev.countersign.service.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A claim is presence: it belongs to one reviewer until released or expired, and never blocks a decision. */
class ClaimsExpireAndStayWithTheirReviewerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:02:00Z"));
    private final Claims claims = new Claims(clock, Duration.ofMinutes(15));

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
}
