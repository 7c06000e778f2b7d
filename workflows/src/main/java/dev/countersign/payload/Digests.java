package dev.countersign.payload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest Countersign uses: of arguments (an approval's binding), policy texts,
 * update ids, token secrets and sampling keys. Texts are digested as UTF-8. Deterministic, so
 * workflow code may use it.
 */
public final class Digests {

    private Digests() {}

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-256", missing);
        }
    }

    public static byte[] sha256(byte[] content) {
        return newSha256().digest(content);
    }

    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest as 64 lower-case hex digits. */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    /** The digest of the text's UTF-8 as 64 lower-case hex digits. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }
}
