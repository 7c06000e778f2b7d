package dev.countersign.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of a long task's history its timeline reads: at most {@code max-runs} runs (default 200)
 * and {@code max-events} events (default 500,000) over all of them, oldest first; beyond either
 * the timeline ends with a TRUNCATED entry (see {@link TaskRuns}).
 */
@ConfigurationProperties("countersign.history")
public record HistoryProperties(
        @DefaultValue("200") int maxRuns,
        @DefaultValue("500000") int maxEvents) {

    public HistoryProperties {
        if (maxRuns < 1 || maxRuns > 10_000) {
            throw new IllegalArgumentException(
                    "countersign.history.max-runs must lie between 1 and 10000, was " + maxRuns);
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("countersign.history.max-events must be at least 1, was " + maxEvents);
        }
    }
}
