package dev.countersign.payload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A short SHA-256 fingerprint of JSON-shaped values, the same for equal values whatever the order
 * of their maps' keys: a task remembers what was asked under a request id without keeping it whole.
 * Deterministic, so workflow code may use it.
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(Object... parts) {
        MessageDigest sha256 = Digests.newSha256();
        for (Object part : parts) {
            sha256.update(Json.sorted(part).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
