package dev.countersign.activities.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Countersign-Signature} of a webhook body: {@code sha256=} and the lower-case hex
 * HMAC-SHA256 of the exact body bytes, keyed with the webhook's secret (its UTF-8 bytes).
 * Receivers verify with the same algorithm, on the raw bytes, before parsing the JSON.
 */
public final class HmacSignature {

    /** The header that carries the signature. */
    public static final String HEADER = "X-Countersign-Signature";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private HmacSignature() {}

    /** The header value for this body and secret. */
    public static String sign(byte[] body, String secret) {
        return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
    }

    /**
     * True when {@code header} is the signature of {@code body} with {@code secret}. The comparison
     * takes the same time wherever the first difference is, so it leaks nothing to a forger.
     */
    public static boolean verify(byte[] body, String secret, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = sign(body, secret).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }
}
