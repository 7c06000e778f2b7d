package dev.countersign.service.security.token;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API tokens in a table of the application's DataSource, created by CountersignSchema's migrations
 * (H2 or PostgreSQL). A row holds the SHA-256 of its token, never the token; the last-used time
 * is written at most once a minute per token, so a busy script does not turn every call into a write.
 */
public class JdbcApiTokens implements ApiTokens {

    static final int MAX_NAME_LENGTH = 100;
    /** Longer ones would pass the timestamps the databases store (or Instant itself) for no gain. */
    static final Duration MAX_LIFETIME = Duration.ofDays(36_525);

    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final String COLUMNS =
            "id, owner_name, token_name, created_at, expires_at, last_used_at, revoked_at, revoked_by";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TokenSecrets secrets;

    public JdbcApiTokens(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.secrets = new TokenSecrets(new SecureRandom());
    }

    @Override
    public IssuedToken issue(String owner, String name, Duration lifetime) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a token needs an owner");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name, such as the machine or script that uses it");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a token's name may not hold control characters such as line ends");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a token's name may have at most " + MAX_NAME_LENGTH + " characters");
        }
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
            throw new IllegalArgumentException("a token's lifetime must be positive, was " + lifetime);
        }
        if (lifetime != null && lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a token's lifetime may be at most " + MAX_LIFETIME
                    + " (100 years), was " + lifetime + "; leave it out for a token that does not expire");
        }
        Instant now = now();
        String id = secrets.newId();
        String token = secrets.newToken(id);
        Instant expiresAt = lifetime == null ? null : now.plus(lifetime);
        jdbc.sql("INSERT INTO countersign_api_token (id, owner_name, token_name, secret_hash, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, owner, name.strip(), TokenSecrets.hash(token), time(now), time(expiresAt))
                .update();
        return new IssuedToken(new ApiTokenInfo(id, owner, name.strip(), now, expiresAt, null, null, null), token);
    }

    @Override
    public List<ApiTokenInfo> list(String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM countersign_api_token WHERE owner_name = ?"
                        + " ORDER BY created_at DESC, id")
                .param(owner)
                .query(JdbcApiTokens::info)
                .list();
    }

    @Override
    public List<ApiTokenInfo> listAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM countersign_api_token ORDER BY created_at DESC, id")
                .query(JdbcApiTokens::info)
                .list();
    }

    @Override
    public Optional<ApiTokenInfo> find(String tokenId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM countersign_api_token WHERE id = ?")
                .param(tokenId)
                .query(JdbcApiTokens::info)
                .optional();
    }

    @Override
    public boolean revoke(String tokenId, String actor) {
        int revoked = jdbc.sql("UPDATE countersign_api_token SET revoked_at = ?, revoked_by = ?"
                        + " WHERE id = ? AND revoked_at IS NULL")
                .params(time(now()), actor, tokenId)
                .update();
        return revoked > 0 || find(tokenId).isPresent();
    }

    /**
     * The token whose secret this is, revoked or expired ones included (the caller says why it refuses
     * those); empty when no stored hash matches. A match that is still active is marked as used.
     */
    public Optional<ApiTokenInfo> verify(String token) {
        Optional<String> id = TokenSecrets.idOf(token);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredToken> stored = jdbc.sql(
                        "SELECT " + COLUMNS + ", secret_hash FROM countersign_api_token WHERE id = ?")
                .param(id.get())
                .query((rs, row) -> new StoredToken(info(rs, row), rs.getString("secret_hash")))
                .optional();
        if (stored.isEmpty() || !TokenSecrets.matches(token, stored.get().hash())) {
            return Optional.empty();
        }
        return Optional.of(markUsed(stored.get().info()));
    }

    private ApiTokenInfo markUsed(ApiTokenInfo info) {
        Instant now = now();
        if (!info.active(now)
                || info.lastUsedAt() != null
                        && info.lastUsedAt().plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return info;
        }
        jdbc.sql("UPDATE countersign_api_token SET last_used_at = ? WHERE id = ?")
                .params(time(now), info.id())
                .update();
        return new ApiTokenInfo(
                info.id(),
                info.owner(),
                info.name(),
                info.createdAt(),
                info.expiresAt(),
                now,
                info.revokedAt(),
                info.revokedBy());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static ApiTokenInfo info(ResultSet rs, int row) throws SQLException {
        return new ApiTokenInfo(
                rs.getString("id"),
                rs.getString("owner_name"),
                rs.getString("token_name"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }

    private record StoredToken(ApiTokenInfo info, String hash) {}
}
