package dev.countersign.task;

import dev.countersign.notify.AgentCallback;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Remembers each notification and agent callback; {@link #failing} makes every attempt fail, as a dead
 * webhook would.
 */
class RecordingNotifier implements NotificationActivities {

    final List<ReviewerNotification> sent = new CopyOnWriteArrayList<>();
    final List<AgentCallback> callbacks = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public NotificationReceipt notifyReviewers(ReviewerNotification notification) {
        if (failing) {
            throw ApplicationFailure.newFailure("webhook answered 503", "WebhookFailed");
        }
        sent.add(notification);
        return new NotificationReceipt(
                notification.approval().groups().stream()
                        .map(g -> "webhook:" + g)
                        .toList(),
                List.of());
    }

    @Override
    public NotificationReceipt notifyAgent(AgentCallback callback) {
        if (failing) {
            throw ApplicationFailure.newFailure("callback answered 503", "WebhookFailed");
        }
        callbacks.add(callback);
        return new NotificationReceipt(List.of("agent " + callback.callbackUrl()), List.of());
    }
}
