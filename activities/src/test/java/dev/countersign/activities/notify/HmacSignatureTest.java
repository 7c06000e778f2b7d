package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSignatureTest {

    private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureIsTheHexHmacSha256OfTheBody() {
        assertThat(HmacSignature.sign(BODY, "key"))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void verifyAcceptsTheSignatureOfTheSameBodyAndSecret() {
        assertThat(HmacSignature.verify(BODY, "key", HmacSignature.sign(BODY, "key")))
                .isTrue();
    }

    @Test
    void verifyAcceptsUpperCaseHex() {
        String signature = HmacSignature.sign(BODY, "key");

        assertThat(HmacSignature.verify(
                        BODY, "key", "sha256=" + signature.substring(7).toUpperCase()))
                .isTrue();
    }

    @Test
    void verifyRefusesAChangedBody() {
        String signature = HmacSignature.sign(BODY, "key");
        byte[] changed = "The quick brown fox jumps over the lazy cat".getBytes(StandardCharsets.UTF_8);

        assertThat(HmacSignature.verify(changed, "key", signature)).isFalse();
    }

    @Test
    void verifyRefusesAnotherSecret() {
        assertThat(HmacSignature.verify(BODY, "other", HmacSignature.sign(BODY, "key")))
                .isFalse();
    }

    @Test
    void verifyRefusesAMissingOrMalformedHeader() {
        String hex = HmacSignature.sign(BODY, "key").substring(7);

        assertThat(HmacSignature.verify(BODY, "key", null)).isFalse();
        assertThat(HmacSignature.verify(BODY, "key", "")).isFalse();
        assertThat(HmacSignature.verify(BODY, "key", hex)).isFalse();
        assertThat(HmacSignature.verify(BODY, "key", "sha1=" + hex)).isFalse();
        assertThat(HmacSignature.verify(BODY, "key", "sha256=" + hex.substring(1)))
                .isFalse();
    }
}
