package dev.countersign.client;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Delivers a decision, guidance or request to a task while it continues as new. Addressed by
 * workflow id, a real server retries such an update on the new run; the Java test server's
 * continue-as-new is not atomic (temporalio/sdk-java#1538) and can answer NOT_FOUND in between. So
 * a NOT_FOUND is tried again, with a short backoff, while the task's latest run is open; once it has
 * ended or does not exist, the caller gets the NOT_FOUND. A repeated delivery is safe: the task
 * answers each request id once, across runs.
 */
final class RunSwitch {

    /** Tries within about two seconds: a continue-as-new takes one workflow task. */
    static final int ATTEMPTS = 8;

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);

    private final WorkflowClient client;

    RunSwitch(WorkflowClient client) {
        this.client = client;
    }

    <T> T call(String taskId, Supplier<T> delivery) {
        for (int attempt = 1; ; attempt++) {
            try {
                return delivery.get();
            } catch (WorkflowNotFoundException notFound) {
                if (attempt >= ATTEMPTS || !latestRunOpen(taskId)) {
                    throw notFound;
                }
                LockSupport.parkNanos(
                        FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)).toNanos());
            }
        }
    }

    void send(String taskId, Runnable delivery) {
        call(taskId, () -> {
            delivery.run();
            return null;
        });
    }

    private boolean latestRunOpen(String taskId) {
        try {
            return client.newUntypedWorkflowStub(taskId).describe().getStatus()
                    == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        } catch (WorkflowNotFoundException missing) {
            return false;
        }
    }
}
