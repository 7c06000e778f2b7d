package dev.countersign.task;

import java.time.Instant;
import java.util.List;

/**
 * One notification about an action's approval: which tier was told, when, and where it was
 * delivered or failed. A notification that failed everywhere is visible here and in metrics.
 */
public record NotificationRecord(String kind, String tier, Instant at, List<String> delivered, List<String> failed) {

    public NotificationRecord {
        delivered = delivered == null ? List.of() : List.copyOf(delivered);
        failed = failed == null ? List.of() : List.copyOf(failed);
    }
}
