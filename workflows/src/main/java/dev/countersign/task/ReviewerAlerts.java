package dev.countersign.task;

import dev.countersign.approval.ApprovalGate;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.notify.NotificationKind;
import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import io.temporal.workflow.Async;
import java.util.List;

/**
 * Tells an approval's current tier that it is wanted, without waiting: the outcome lands on the
 * action when it arrives, and a failed notification never holds up the approval. The task does not
 * end or continue as new while one is in flight, so every outcome is recorded.
 */
final class ReviewerAlerts {

    private final NotificationActivities notifier;
    private int inFlight;

    ReviewerAlerts(NotificationActivities notifier) {
        this.notifier = notifier;
    }

    void notify(NotificationKind kind, ApprovalGate gate, ActionRecord action, String reason) {
        String tier = gate.currentTier().name();
        inFlight++;
        Async.function(notifier::notifyReviewers, new ReviewerNotification(kind, gate.view(), reason))
                .handle((receipt, failure) -> {
                    inFlight--;
                    NotificationReceipt outcome = failure == null
                            ? receipt
                            : new NotificationReceipt(
                                    List.of(), List.of("notification failed: " + Failures.rootMessage(failure)));
                    action.notifications.add(new NotificationRecord(
                            kind.name(), tier, TaskBoard.now(), outcome.delivered(), outcome.failed()));
                    if (!outcome.failed().isEmpty()) {
                        TaskMetrics.notificationFailure(action.call.tool(), tier);
                    }
                    return null;
                });
    }

    boolean idle() {
        return inFlight == 0;
    }
}
