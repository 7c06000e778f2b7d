package dev.countersign.autoconfigure;

import dev.countersign.payload.PayloadBounds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code countersign.limits.}: how large one payload of a task may be. Tool results
 * and model replies over it are cut visibly by the activities; comments, answers, guidance and
 * edited arguments over it are refused by the client facade (413 in the API). It may not exceed
 * {@link PayloadBounds#MAX_VALUE_BYTES}, the bound the workflow itself keeps to.
 *
 * @param maxPayload the largest payload, for example {@code 256KB} (the default) or {@code 64KB}
 */
@ConfigurationProperties("countersign.limits")
public record PayloadLimits(@DefaultValue("256KB") DataSize maxPayload) {

    private static final DataSize SMALLEST = DataSize.ofKilobytes(1);

    public PayloadLimits {
        if (maxPayload == null
                || maxPayload.compareTo(SMALLEST) < 0
                || maxPayload.toBytes() > PayloadBounds.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("countersign.limits.max-payload must lie between 1KB and "
                    + PayloadBounds.MAX_VALUE_BYTES / 1024 + "KB (the workflow's own bound), was " + maxPayload);
        }
    }

    /** The bound in bytes. */
    public int maxPayloadBytes() {
        return (int) maxPayload.toBytes();
    }
}
