package dev.countersign.service.console;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web console: how long a reviewer's claim on an approval lasts, how often the
 * inbox and task pages look for changes, and the time zone in which times are shown.
 */
@ConfigurationProperties("countersign.console")
public record ConsoleProperties(
        @DefaultValue("PT15M") Duration claimTtl,
        @DefaultValue("PT3S") Duration refresh,
        @DefaultValue("UTC") ZoneId timeZone) {

    private static final String PREFIX = "countersign.console.";

    public ConsoleProperties {
        claimTtl = positive("claim-ttl", claimTtl == null ? Duration.ofMinutes(15) : claimTtl);
        refresh = positive("refresh", refresh == null ? Duration.ofSeconds(3) : refresh);
        if (refresh.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(PREFIX + "refresh must be at least PT1S, was " + refresh);
        }
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    }

    /** The refresh interval as htmx spells it in {@code hx-trigger="every 3s"}. */
    public String refreshTrigger() {
        return "every " + Math.max(1, refresh.toSeconds()) + "s";
    }

    private static Duration positive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PREFIX + property + " must be a positive duration, was " + value);
        }
        return value;
    }
}
