package dev.countersign.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadBoundsTest {

    @Test
    void textWithinTheBoundIsKeptAsItIs() {
        assertThat(PayloadBounds.text("short", 5)).isEqualTo("short");
        assertThat(PayloadBounds.text(null, 5)).isNull();
    }

    @Test
    void longerTextIsCutWithAMarkerNamingItsSizeAndFitsTheBound() {
        String cut = PayloadBounds.text("a".repeat(1000), 100);

        assertThat(cut).startsWith("aaaa").endsWith("… [truncated: 1000 bytes]");
        assertThat(PayloadBounds.utf8Length(cut)).isLessThanOrEqualTo(100);
    }

    @Test
    void cuttingNeverSplitsACharacter() {
        String cut = PayloadBounds.text("€😀".repeat(200), 101);

        assertThat(cut).doesNotContain("\uFFFD");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.indexOf('…') - 1))).isFalse();
        assertThat(PayloadBounds.utf8Length(cut)).isLessThanOrEqualTo(101);
    }

    @Test
    void aLargeJsonObjectBecomesAMarkedStandInWithAPreview() {
        Map<String, Object> value = Map.of("rows", List.of("x".repeat(10_000)));

        Map<String, Object> cut = PayloadBounds.json(value, 1024);

        assertThat(PayloadBounds.isTruncated(cut)).isTrue();
        assertThat(cut.get("originalBytes")).isEqualTo(10_000 + "{\"rows\":[\"\"]}".length());
        assertThat(cut.get("preview").toString()).startsWith("{\"rows\":[\"xxx").endsWith("…");
        assertThat(PayloadBounds.jsonBytes(cut)).isLessThanOrEqualTo(1024);
        assertThat(PayloadBounds.json(Map.of("ok", true), 1024)).isEqualTo(Map.of("ok", true));
    }

    @Test
    void jsonSizesCountEscapes() {
        assertThat(PayloadBounds.jsonBytes(Map.of("q", "a\"b\n"))).isEqualTo("{\"q\":\"a\\\"b\\n\"}".length());
    }
}
