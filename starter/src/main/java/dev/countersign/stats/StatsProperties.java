package dev.countersign.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the decision record: how many approved-unedited requests in a row make a rule a
 * candidate to relax ({@code relax-after}, default 50), and how many of the newest tasks the
 * statistics read at most ({@code max-tasks}, default 1000) from the decision record.
 */
@ConfigurationProperties("countersign.stats")
public record StatsProperties(
        @DefaultValue("50") int relaxAfter,
        @DefaultValue("1000") int maxTasks) {

    public StatsProperties {
        if (relaxAfter < 1) {
            throw new IllegalArgumentException("countersign.stats.relax-after must be at least 1, was " + relaxAfter);
        }
        if (maxTasks < 1) {
            throw new IllegalArgumentException("countersign.stats.max-tasks must be at least 1, was " + maxTasks);
        }
    }
}
