package dev.countersign.activities.notify;

import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * Runs the webhook activity under a workflow with the real retry policy, on Temporal's test server
 * with time skipping: retries and their backoff happen as in production, without waiting for them.
 * {@link #recorder} sees how each attempt ended.
 */
final class WorkflowHarness implements AutoCloseable {

    private static final String QUEUE = "notifications";

    final AttemptRecorder recorder = new AttemptRecorder();
    private final TestWorkflowEnvironment environment =
            TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                    .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                            .setWorkerInterceptors(recorder)
                            .build())
                    .build());

    WorkflowHarness(List<WebhookTarget> targets) {
        Worker worker = environment.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(NotifyingWorkflowImpl.class);
        worker.registerActivitiesImplementations(new WebhookNotificationActivities(
                targets, ActivityHarness.CONSOLE, Duration.ofSeconds(5), HttpClient.newHttpClient()));
        environment.start();
    }

    NotificationReceipt notify(ReviewerNotification notification) {
        NotifyingWorkflow workflow = environment
                .getWorkflowClient()
                .newWorkflowStub(
                        NotifyingWorkflow.class,
                        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
        return workflow.notify(notification);
    }

    @Override
    public void close() {
        environment.close();
    }
}
