package dev.countersign.service.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long the texts people and agents send may be. Each limit keeps one request from filling a
 * task's history: a longer value is refused with 400 naming the field and the limit, before it
 * reaches Temporal. Lengths count characters; sizes count the bytes of the value written as JSON.
 */
@ConfigurationProperties("countersign.limits")
public record LimitsProperties(
        @DefaultValue("16000") int goalLength,
        @DefaultValue("4000") int textLength,
        @DefaultValue("16000") int inputStringLength,
        @DefaultValue("64KB") DataSize inputSize,
        @DefaultValue("64KB") DataSize argsSize) {

    static final String PREFIX = "countersign.limits.";

    public LimitsProperties {
        positive("goal-length", goalLength);
        positive("text-length", textLength);
        positive("input-string-length", inputStringLength);
        inputSize = positive("input-size", inputSize);
        argsSize = positive("args-size", argsSize);
    }

    private static void positive(String property, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(PREFIX + property + " must be at least 1, was " + value);
        }
    }

    private static DataSize positive(String property, DataSize value) {
        if (value == null || value.toBytes() < 1) {
            throw new IllegalArgumentException(PREFIX + property + " must be at least 1B, was " + value);
        }
        return value;
    }
}
