package dev.countersign.activities.notify;

import dev.countersign.notify.NotificationActivities;
import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Calls the activity with the notification options of {@code AgentTaskWorkflowImpl}. */
public class NotifyingWorkflowImpl implements NotifyingWorkflow {

    private final NotificationActivities notifier = Workflow.newActivityStub(
            NotificationActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2.0)
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .setMaximumAttempts(5)
                            .build())
                    .build());

    @Override
    public NotificationReceipt notify(ReviewerNotification notification) {
        return notifier.notifyReviewers(notification);
    }
}
