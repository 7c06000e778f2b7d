package dev.countersign.service.it;

import dev.countersign.service.testing.Eventually;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskView;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowException;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The test's own Temporal client on the dev server: it reads what the server recorded (results,
 * visibility counts, histories) and never drives a task; the REST API does that.
 */
final class TemporalProbe implements AutoCloseable {

    static final String TASKS = "WorkflowType = '" + AgentTaskWorkflow.class.getSimpleName() + "'";

    private final WorkflowServiceStubs service;
    private final WorkflowClient client;

    private TemporalProbe(WorkflowServiceStubs service) {
        this.service = service;
        this.client = WorkflowClient.newInstance(
                service,
                WorkflowClientOptions.newBuilder().setNamespace("default").build());
    }

    static TemporalProbe connect(String address) {
        return new TemporalProbe(WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address).build()));
    }

    /**
     * Starts a task behind the service's back whose workflow task fails forever: its argument is not
     * a task start, so the worker cannot even begin it (as with a goal whose model input passes the
     * payload limit, which the dev server's 2 MB blob limit refuses already at the start).
     */
    void startWedgedTask(String taskId, String taskQueue) {
        startWedgedTask(taskId, taskQueue, "this is not a task start");
    }

    /** As above, with {@code argument} in place of the task start. */
    void startWedgedTask(String taskId, String taskQueue, Object argument) {
        client.newUntypedWorkflowStub(
                        AgentTaskWorkflow.class.getSimpleName(),
                        io.temporal.client.WorkflowOptions.newBuilder()
                                .setWorkflowId(taskId)
                                .setTaskQueue(taskQueue)
                                .build())
                .start(argument);
    }

    long count(String query) {
        return client.countWorkflows(query).getCount();
    }

    /** Polls a visibility count until it reaches {@code expected}. */
    void awaitCount(String what, String query, long expected, Duration timeout) {
        Eventually.until(
                what + " (" + query + ")", timeout, Deadlines.POLL, () -> count(query), count -> count >= expected);
    }

    /**
     * Each task's final view, waiting for all of them within one deadline. A task missing from the
     * answer did not complete in time, or failed.
     */
    Map<String, TaskView> results(Collection<String> taskIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, TaskView> results = new LinkedHashMap<>();
        for (String taskId : taskIds) {
            long remaining = Math.max(TimeUnit.SECONDS.toNanos(1), deadline - System.nanoTime());
            try {
                results.put(
                        taskId,
                        client.newUntypedWorkflowStub(taskId)
                                .getResult(remaining, TimeUnit.NANOSECONDS, TaskView.class));
            } catch (TimeoutException | WorkflowException e) {
                System.out.println("task " + taskId + " has no result: " + e);
            }
        }
        return results;
    }

    /**
     * Deletes the task's workflow through the Temporal API, as the namespace's retention does once it
     * passed, and waits until the server answers that it knows no such workflow and lists it no more.
     */
    void deleteAndAwaitGone(String taskId, Duration timeout) {
        io.temporal.api.common.v1.WorkflowExecution execution = io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                .setWorkflowId(taskId)
                .build();
        service.blockingStub()
                .deleteWorkflowExecution(io.temporal.api.workflowservice.v1.DeleteWorkflowExecutionRequest.newBuilder()
                        .setNamespace("default")
                        .setWorkflowExecution(execution)
                        .build());
        Eventually.until(
                "the server deleted task " + taskId,
                timeout,
                Deadlines.POLL,
                () -> known(execution) || count("WorkflowId = '" + taskId + "'") > 0,
                stillThere -> !stillThere);
    }

    private boolean known(io.temporal.api.common.v1.WorkflowExecution execution) {
        try {
            service.blockingStub()
                    .describeWorkflowExecution(
                            io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                                    .setNamespace("default")
                                    .setExecution(execution)
                                    .build());
            return true;
        } catch (io.grpc.StatusRuntimeException e) {
            if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    List<WorkflowExecutionHistory> histories(Collection<String> taskIds) {
        return taskIds.stream().map(client::fetchHistory).toList();
    }

    @Override
    public void close() {
        service.shutdown();
        service.awaitTermination(10, TimeUnit.SECONDS);
    }
}
