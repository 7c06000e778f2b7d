package dev.countersign.service.security.token;

import dev.countersign.payload.Digests;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API token, {@code cs_<id>_<secret>}: a public id of 64 random bits (so a token is
 * found by id and compared in constant time) and a secret of 256 bits from {@link SecureRandom}. Only
 * the SHA-256 of the whole token is stored: with that much entropy a slow password hash adds nothing.
 */
final class TokenSecrets {

    static final String PREFIX = "cs_";
    private static final int ID_BYTES = 8;
    private static final int SECRET_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("cs_([0-9a-f]{16})_[A-Za-z0-9_-]{43}");
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random;

    TokenSecrets(SecureRandom random) {
        this.random = random;
    }

    String newId() {
        return HEX.formatHex(bytes(ID_BYTES));
    }

    String newToken(String id) {
        return PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(SECRET_BYTES));
    }

    static boolean looksLikeApiToken(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /** The id inside a well-formed token. */
    static Optional<String> idOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(token);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String hash(String token) {
        return HEX.formatHex(Digests.sha256(token));
    }

    static boolean matches(String token, String storedHash) {
        if (storedHash == null || storedHash.length() != 64) {
            return false;
        }
        return MessageDigest.isEqual(Digests.sha256(token), HEX.parseHex(storedHash));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
