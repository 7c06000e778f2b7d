package dev.countersign.notify;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Calls the notification activity once, as the agent task workflow does, and returns its receipt. */
@WorkflowInterface
public interface NotifyingWorkflow {

    @WorkflowMethod
    NotificationReceipt notify(ReviewerNotification notification);
}
