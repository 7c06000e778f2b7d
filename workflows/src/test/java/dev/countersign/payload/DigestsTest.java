package dev.countersign.payload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void aTextIsDigestedAsItsUtf8() {
        assertThat(Digests.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digests.sha256Hex("é"))
                .isEqualTo(Digests.sha256Hex("é".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(Digests.sha256("abc")).hasSize(32);
    }
}
