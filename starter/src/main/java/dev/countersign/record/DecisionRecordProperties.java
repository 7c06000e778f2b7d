package dev.countersign.record;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the durable decision record.
 *
 * @param retention how long a row of the decision record is kept after what it records happened
 *     (ISO-8601, default P400D); older rows are deleted once a day, whatever Temporal's retention did
 * @param purgeEvery how often the rows past their retention are deleted (default P1D)
 * @param rebuildMaxTasks how many of the newest tasks a rebuild reads from Temporal at most (default 10000)
 */
@ConfigurationProperties("countersign.decision-record")
public record DecisionRecordProperties(
        @DefaultValue("P400D") Duration retention,
        @DefaultValue("P1D") Duration purgeEvery,
        @DefaultValue("10000") int rebuildMaxTasks) {

    public DecisionRecordProperties {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(
                    "countersign.decision-record.retention must be a positive duration such as P400D, was "
                            + retention);
        }
        if (purgeEvery == null || purgeEvery.isNegative() || purgeEvery.isZero()) {
            throw new IllegalArgumentException(
                    "countersign.decision-record.purge-every must be a positive duration such as P1D, was "
                            + purgeEvery);
        }
        if (rebuildMaxTasks < 1) {
            throw new IllegalArgumentException(
                    "countersign.decision-record.rebuild-max-tasks must be at least 1, was " + rebuildMaxTasks);
        }
    }
}
