package dev.countersign.client;

import dev.countersign.listing.UnreadableTask;
import java.util.List;

/**
 * A reviewer's post-action review queue, newest first, and for operators the running tasks that
 * could not be read (whose actions might wait for a verdict).
 */
public record ReviewQueue(List<PendingReview> reviews, List<UnreadableTask> unreadable) {

    public ReviewQueue {
        reviews = List.copyOf(reviews);
        unreadable = List.copyOf(unreadable);
    }
}
