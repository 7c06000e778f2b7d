package dev.countersign.service.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.service.testing.MutableClock;
import dev.countersign.service.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;

class JdbcApiTokensTest {

    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    private final DataSource database = database();
    private final MutableClock clock = new MutableClock(START);
    private final JdbcApiTokens tokens = new JdbcApiTokens(database, clock);

    /** A fresh database with Countersign's tables; H2 here, PostgreSQL in the subclass. */
    protected DataSource database() {
        return TestDatabase.freshH2();
    }

    @AfterEach
    void closeDatabase() {
        if (database instanceof EmbeddedDatabase embedded) {
            embedded.shutdown();
        }
    }

    @Test
    void theDatabaseHoldsTheHashAndNeverTheSecret() {
        IssuedToken issued = tokens.issue("alice", "laptop", null);

        List<Map<String, Object>> rows = JdbcClient.create(database)
                .sql("SELECT * FROM countersign_api_token")
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("SECRET_HASH")).isEqualTo(TokenSecrets.hash(issued.secret()));
        assertThat(rows.get(0).values())
                .noneMatch(value -> String.valueOf(value).contains(issued.secret()));
        assertThat(issued.toString()).doesNotContain(issued.secret());
    }

    @Test
    void issuedTokenIsFoundByItsSecretAndMarkedUsed() {
        IssuedToken issued = tokens.issue("alice", "laptop", Duration.ofDays(90));
        clock.advance(Duration.ofMinutes(5));

        ApiTokenInfo verified = tokens.verify(issued.secret()).orElseThrow();

        assertThat(verified.id()).isEqualTo(issued.info().id());
        assertThat(verified.owner()).isEqualTo("alice");
        assertThat(verified.createdAt()).isEqualTo(START);
        assertThat(verified.expiresAt()).isEqualTo(START.plus(Duration.ofDays(90)));
        assertThat(verified.lastUsedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(tokens.find(issued.info().id()).orElseThrow().lastUsedAt()).isEqualTo(verified.lastUsedAt());
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        IssuedToken issued = tokens.issue("alice", "laptop", null);
        tokens.verify(issued.secret());
        clock.advance(Duration.ofSeconds(30));
        tokens.verify(issued.secret());

        assertThat(tokens.find(issued.info().id()).orElseThrow().lastUsedAt()).isEqualTo(START);
        clock.advance(Duration.ofSeconds(31));
        tokens.verify(issued.secret());
        assertThat(tokens.find(issued.info().id()).orElseThrow().lastUsedAt())
                .isEqualTo(START.plus(Duration.ofSeconds(61)));
    }

    @Test
    void aWrongSecretWithARealIdFindsNothing() {
        IssuedToken issued = tokens.issue("alice", "laptop", null);
        String forged = "cs_" + issued.info().id() + "_" + "A".repeat(43);

        assertThat(tokens.verify(forged)).isEmpty();
        assertThat(tokens.verify("not a token")).isEmpty();
        assertThat(tokens.find(issued.info().id()).orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void revokedTokenRecordsWhoAndWhenAndIsNoLongerActive() {
        IssuedToken issued = tokens.issue("alice", "laptop", null);
        clock.advance(Duration.ofHours(1));

        assertThat(tokens.revoke(issued.info().id(), "ada")).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(tokens.revoke(issued.info().id(), "alice")).isTrue();

        ApiTokenInfo revoked = tokens.find(issued.info().id()).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(revoked.revokedBy()).isEqualTo("ada");
        assertThat(revoked.active(clock.instant())).isFalse();
        assertThat(tokens.verify(issued.secret()))
                .hasValueSatisfying(info -> assertThat(info.lastUsedAt()).isNull());
    }

    @Test
    void revokingAnUnknownTokenSaysSo() {
        assertThat(tokens.revoke("0123456789abcdef", "ada")).isFalse();
    }

    @Test
    void tokenExpiresAfterItsLifetime() {
        IssuedToken issued = tokens.issue("alice", "laptop", Duration.ofHours(1));

        clock.advance(Duration.ofMinutes(59));
        assertThat(issued.info().active(clock.instant())).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(tokens.find(issued.info().id()).orElseThrow().active(clock.instant()))
                .isFalse();
    }

    @Test
    void listsAreNewestFirstAndPerOwner() {
        tokens.issue("alice", "first", null);
        clock.advance(Duration.ofSeconds(1));
        tokens.issue("bob", "bobs", null);
        clock.advance(Duration.ofSeconds(1));
        tokens.issue("alice", "second", null);

        assertThat(tokens.list("alice")).extracting(ApiTokenInfo::name).containsExactly("second", "first");
        assertThat(tokens.listAll()).extracting(ApiTokenInfo::name).containsExactly("second", "bobs", "first");
        assertThat(tokens.list("carol")).isEmpty();
    }

    @Test
    void aTokenNeedsAnOwnerANameAndAPositiveLifetime() {
        assertThatThrownBy(() -> tokens.issue(" ", "x", null)).hasMessageContaining("owner");
        assertThatThrownBy(() -> tokens.issue("alice", "", null)).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> tokens.issue("alice", "x".repeat(101), null)).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> tokens.issue("alice", "x", Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> tokens.issue("alice", "laptop\nINFO forged line", null))
                .hasMessageContaining("control characters");
        assertThat(tokens.listAll()).isEmpty();
    }

    @Test
    void aSecondStoreOnTheSameDatabaseFindsTheTableThere() {
        IssuedToken issued = tokens.issue("alice", "laptop", null);

        assertThat(new JdbcApiTokens(database, clock).find(issued.info().id())).isPresent();
    }
}
