package dev.countersign.service.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How POST /api/approvals/decisions works through its approvals: at most {@code parallelism} of them
 * are read or decided at once, over all bulk requests of this process (default 16).
 *
 * @param parallelism how many approvals are decided at once
 */
@ConfigurationProperties("countersign.bulk-decisions")
public record BulkDecisionProperties(@DefaultValue("16") int parallelism) {

    public BulkDecisionProperties {
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalArgumentException(
                    "countersign.bulk-decisions.parallelism must lie between 1 and 256, was " + parallelism);
        }
    }
}
