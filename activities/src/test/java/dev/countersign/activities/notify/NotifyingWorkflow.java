package dev.countersign.activities.notify;

import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Calls the notification activity once, as the agent task workflow does, and returns its receipt. */
@WorkflowInterface
public interface NotifyingWorkflow {

    @WorkflowMethod
    NotificationReceipt notify(ReviewerNotification notification);
}
