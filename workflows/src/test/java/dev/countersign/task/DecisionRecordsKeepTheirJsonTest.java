package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionKind;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRecordsKeepTheirJsonTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void eachKindIsWrittenAsTheLowercaseNameHistoriesHold() {
        assertThat(Arrays.stream(DecisionRecordKind.values()).map(kind -> json(record(kind))))
                .containsExactly(
                        "\"decision\":\"approve\"",
                        "\"decision\":\"reject\"",
                        "\"decision\":\"edit\"",
                        "\"decision\":\"request_changes\"",
                        "\"decision\":\"escalate\"",
                        "\"decision\":\"timeout\"",
                        "\"decision\":\"expire\"");
    }

    @Test
    void aRecordWrittenWithALowercaseNameReadsBackAsItsKind() {
        for (DecisionRecordKind kind : DecisionRecordKind.values()) {
            String json = "{\"reviewer\":null,\"decision\":\"" + kind.wireName() + "\",\"comment\":\"why\"}";
            Payload payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload("").orElseThrow().toBuilder()
                    .setData(com.google.protobuf.ByteString.copyFromUtf8(json))
                    .build();
            DecisionRecord read = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                    payload, DecisionRecord.class, DecisionRecord.class);
            assertThat(read.decision()).isEqualTo(kind);
        }
    }

    @Test
    void everyReviewerDecisionKindIsRecordedUnderItsOwnName() {
        assertThat(List.of(DecisionKind.values()))
                .allSatisfy(kind ->
                        assertThat(DecisionRecordKind.of(kind).wireName()).isEqualTo(kind.wireName()));
    }

    private static DecisionRecord record(DecisionRecordKind kind) {
        return new DecisionRecord(null, kind, "why", AT, null);
    }

    private static String json(DecisionRecord record) {
        String json = DefaultDataConverter.STANDARD_INSTANCE
                .toPayload(record)
                .orElseThrow()
                .getData()
                .toString(StandardCharsets.UTF_8);
        int at = json.indexOf("\"decision\"");
        return json.substring(at, json.indexOf(',', at));
    }
}
