package dev.countersign.service.console;

import dev.countersign.service.security.token.ApiTokenInfo;
import dev.countersign.service.security.token.ApiTokens;
import dev.countersign.service.security.token.IssuedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory token store for the console's tests; the real one stores hashes in a database. */
public class TestApiTokens implements ApiTokens {

    private final Map<String, ApiTokenInfo> tokens = new ConcurrentHashMap<>();

    @Override
    public IssuedToken issue(String owner, String name, Duration lifetime) {
        Instant now = Instant.now();
        ApiTokenInfo info = new ApiTokenInfo(
                UUID.randomUUID().toString(),
                owner,
                name,
                now,
                lifetime == null ? null : now.plus(lifetime),
                null,
                null,
                null);
        tokens.put(info.id(), info);
        return new IssuedToken(info, "cst_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public List<ApiTokenInfo> list(String owner) {
        return listAll().stream().filter(token -> token.owner().equals(owner)).toList();
    }

    @Override
    public List<ApiTokenInfo> listAll() {
        List<ApiTokenInfo> all = new ArrayList<>(tokens.values());
        all.sort(Comparator.comparing(ApiTokenInfo::createdAt).reversed());
        return all;
    }

    @Override
    public Optional<ApiTokenInfo> find(String tokenId) {
        return Optional.ofNullable(tokens.get(tokenId));
    }

    @Override
    public boolean revoke(String tokenId, String actor) {
        return tokens.computeIfPresent(
                        tokenId,
                        (id, token) -> token.revokedAt() != null
                                ? token
                                : new ApiTokenInfo(
                                        token.id(),
                                        token.owner(),
                                        token.name(),
                                        token.createdAt(),
                                        token.expiresAt(),
                                        token.lastUsedAt(),
                                        Instant.now(),
                                        actor))
                != null;
    }

    public void clear() {
        tokens.clear();
    }
}
