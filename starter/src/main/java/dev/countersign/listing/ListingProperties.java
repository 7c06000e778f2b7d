package dev.countersign.listing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How listings (the inbox, the task list, the review queue, the decision record) read tasks: each
 * task's read has {@code read-timeout} on its gRPC call (default 1 s), and at most {@code
 * parallelism} reads run at once (default 8). A task that does not answer in time is listed as
 * unreadable; the rest of the list answers.
 *
 * @param readTimeout the deadline of one task's query (and of the describe call that follows a
 *     failed one)
 * @param parallelism how many tasks are read at once, over all listings of this process
 */
@ConfigurationProperties("countersign.listing")
public record ListingProperties(
        @DefaultValue("PT1S") Duration readTimeout,
        @DefaultValue("8") int parallelism) {

    public ListingProperties {
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "countersign.listing.read-timeout must be a positive duration, was " + readTimeout);
        }
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalArgumentException(
                    "countersign.listing.parallelism must lie between 1 and 256, was " + parallelism);
        }
    }

    /** The defaults, for code that builds the facade without Spring. */
    public static ListingProperties defaults() {
        return new ListingProperties(Duration.ofSeconds(1), 8);
    }
}
