package dev.countersign.notify;

import java.util.List;

/**
 * Where a notification went: the targets that accepted it, and those that still refused it after
 * their retries (with the error), so the task can record what reviewers may not have heard.
 */
public record NotificationReceipt(List<String> delivered, List<String> failed) {

    public NotificationReceipt {
        delivered = delivered == null ? List.of() : List.copyOf(delivered);
        failed = failed == null ? List.of() : List.copyOf(failed);
    }
}
