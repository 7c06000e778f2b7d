package dev.countersign.task;

import dev.countersign.approval.ApprovalGate;
import dev.countersign.notify.AgentCallback;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.notify.NotificationKind;
import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.util.List;

/**
 * Tells an approval's current tier that it is wanted, and the agent of a call it ran that a reviewer
 * wants it rolled back, without waiting: the outcome lands on the action when it arrives, and a failed
 * notification never holds up the approval or the verdict. The task does not end or continue as new
 * while one is in flight, so every outcome is recorded.
 */
final class ReviewerAlerts {

    /** How a callback to the agent is recorded among the action's notifications: its kind and its tier. */
    static final String ROLLBACK_REQUESTED = "ROLLBACK_REQUESTED";

    static final String AGENT = "agent";

    private final NotificationActivities notifier;
    private int inFlight;

    ReviewerAlerts(NotificationActivities notifier) {
        this.notifier = notifier;
    }

    void notify(NotificationKind kind, ApprovalGate gate, ActionRecord action, String reason) {
        String tier = gate.currentTier().name();
        record(
                Async.function(notifier::notifyReviewers, new ReviewerNotification(kind, gate.view(), reason)),
                action,
                kind.name(),
                tier);
    }

    /**
     * Tells the agent of a call it ran, at the callback URL it gave, that {@code reviewer} asked for a
     * rollback; nothing when it gave none. Recorded with the kind {@value #ROLLBACK_REQUESTED} and the
     * tier {@value #AGENT}.
     */
    void rollbackRequested(String taskId, ActionRecord action, String reviewer, String comment) {
        if (action.callbackUrl == null) {
            return;
        }
        AgentCallback callback = new AgentCallback(
                action.callbackUrl,
                taskId,
                action.actionId,
                action.call.tool(),
                AgentCallback.ROLLBACK_REQUESTED,
                reviewer,
                comment,
                TaskBoard.now());
        record(Async.function(notifier::notifyAgent, callback), action, ROLLBACK_REQUESTED, AGENT);
    }

    private void record(Promise<NotificationReceipt> sending, ActionRecord action, String kind, String tier) {
        inFlight++;
        sending.handle((receipt, failure) -> {
            inFlight--;
            NotificationReceipt outcome = failure == null
                    ? receipt
                    : new NotificationReceipt(
                            List.of(), List.of("notification failed: " + Failures.rootMessage(failure)));
            action.notifications.add(
                    new NotificationRecord(kind, tier, TaskBoard.now(), outcome.delivered(), outcome.failed()));
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
