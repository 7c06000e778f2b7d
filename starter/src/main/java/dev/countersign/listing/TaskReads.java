package dev.countersign.listing;

import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskSearchAttributes;
import dev.countersign.task.TaskView;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.QueryRejectCondition;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryRejectedException;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads tasks for listings: each read is a query whose gRPC call has the listing's deadline (its
 * own Temporal client, sharing the main client's connection, credentials and namespace), at most
 * {@code parallelism} at once. A task that does not answer in time, or whose read fails, becomes
 * an {@link UnreadableTask} with what visibility (DescribeWorkflowExecution) says of it, and is
 * counted in {@link TaskReadFailures}; a task whose workflow was terminated or timed out is listed
 * with that status. The deadline is on the call itself, so a wedged task holds a reading thread
 * for at most the deadline, never longer.
 */
public class TaskReads implements AutoCloseable {

    private static final int MAX_ERROR = 300;

    private final WorkflowClient client;
    private final WorkflowClient anyEnding;
    private final Duration timeout;
    private final TaskReadFailures failures;
    private final ExecutorService pool;

    /**
     * @param client a client with the listing's deadline that rejects queries of tasks that did not
     *     end cleanly (so a terminated task is not replayed to be read)
     * @param anyEnding the same client without that condition, for tasks that failed or were
     *     cancelled through Temporal
     */
    public TaskReads(
            WorkflowClient client,
            WorkflowClient anyEnding,
            Duration timeout,
            int parallelism,
            TaskReadFailures failures) {
        this.client = client;
        this.anyEnding = anyEnding;
        this.timeout = timeout;
        this.failures = failures;
        this.pool = Executors.newFixedThreadPool(parallelism, readerThreads());
    }

    /** Reads through clients built on {@code main}'s connection with the listing's deadline. */
    public static TaskReads on(WorkflowClient main, ListingProperties listing, TaskReadFailures failures) {
        WorkflowServiceStubs stubs = stubs(main.getWorkflowServiceStubs(), listing.readTimeout());
        WorkflowClient rejecting = WorkflowClient.newInstance(
                stubs,
                WorkflowClientOptions.newBuilder(main.getOptions())
                        .setQueryRejectCondition(QueryRejectCondition.QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY)
                        .validateAndBuildWithDefaults());
        WorkflowClient any = WorkflowClient.newInstance(
                stubs,
                WorkflowClientOptions.newBuilder(main.getOptions())
                        .setQueryRejectCondition(QueryRejectCondition.QUERY_REJECT_CONDITION_NONE)
                        .validateAndBuildWithDefaults());
        return new TaskReads(rejecting, any, listing.readTimeout(), listing.parallelism(), failures);
    }

    /**
     * Stubs on the main client's channel (so TLS, API key, headers and interceptors are the same)
     * whose queries and other calls give up after {@code timeout}, without retries: the next poll of
     * the listing is the retry.
     */
    static WorkflowServiceStubs stubs(WorkflowServiceStubs main, Duration timeout) {
        return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder(main.getOptions())
                .setTarget(null)
                .setSslContext(null)
                .setEnableHttps(false)
                .setChannelInitializer(null)
                .setChannel(main.getRawChannel())
                .setRpcQueryTimeout(timeout)
                .setRpcTimeout(timeout)
                .setRpcRetryOptions(
                        RpcRetryOptions.newBuilder().setMaximumAttempts(1).validateBuildWithDefaults())
                .validateAndBuildWithDefaults());
    }

    /** The client whose queries have the listing's deadline, for reads outside listings. */
    public WorkflowClient queryClient() {
        return anyEnding;
    }

    /** The tasks with these ids, in this order, read concurrently; ids of tasks that do not exist are left out. */
    public List<TaskRead> readAll(List<String> taskIds) {
        List<Future<Optional<TaskRead>>> reads =
                taskIds.stream().map(taskId -> pool.submit(() -> read(taskId))).toList();
        return reads.stream().map(TaskReads::join).flatMap(Optional::stream).toList();
    }

    private static Optional<TaskRead> join(Future<Optional<TaskRead>> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading tasks for a listing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task read failed unexpectedly", e.getCause());
        }
    }

    /** One task, within the deadline; empty when no such task exists. */
    public Optional<TaskRead> read(String taskId) {
        try {
            TaskView view =
                    client.newWorkflowStub(AgentTaskWorkflow.class, taskId).view();
            if (view == null) {
                throw new IllegalStateException("the task answered no view");
            }
            failures.cleared(taskId);
            return Optional.of(TaskRead.of(view));
        } catch (WorkflowNotFoundException gone) {
            return Optional.empty();
        } catch (WorkflowQueryRejectedException endedUncleanly) {
            return ended(taskId);
        } catch (RuntimeException failure) {
            return unreadable(taskId, failure);
        }
    }

    /** A task that ended other than cleanly: terminated or timed out ones are not read back. */
    private Optional<TaskRead> ended(String taskId) {
        Optional<WorkflowExecutionDescription> description;
        try {
            description = describe(taskId);
        } catch (RuntimeException failure) {
            return unreadable(taskId, failure);
        }
        if (description.isEmpty()) {
            return Optional.empty();
        }
        WorkflowExecutionStatus status = description.get().getStatus();
        if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED
                || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT) {
            failures.cleared(taskId);
            String shown = statusName(status);
            return Optional.of(TaskRead.of(row(
                    taskId,
                    shown,
                    description.get(),
                    "the task's workflow was " + shown.toLowerCase(java.util.Locale.ROOT),
                    null)));
        }
        try {
            TaskView view =
                    anyEnding.newWorkflowStub(AgentTaskWorkflow.class, taskId).view();
            failures.cleared(taskId);
            return Optional.of(TaskRead.of(view));
        } catch (WorkflowNotFoundException gone) {
            return Optional.empty();
        } catch (RuntimeException failure) {
            return unreadable(taskId, failure);
        }
    }

    private Optional<TaskRead> unreadable(String taskId, RuntimeException failure) {
        ReadFailure reason = deadlineExceeded(failure) ? ReadFailure.TIMEOUT : ReadFailure.FAILED;
        String error = reason == ReadFailure.TIMEOUT
                ? "the task did not answer within " + timeout
                : "the task could not be read: " + message(failure);
        WorkflowExecutionDescription description;
        try {
            Optional<WorkflowExecutionDescription> found = describe(taskId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            description = found.get();
        } catch (RuntimeException describeFailed) {
            description = null;
            error = error + " (and its visibility record could not be read: " + message(describeFailed) + ")";
        }
        boolean running = description == null
                || description.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        failures.failed(taskId, reason, error, running);
        String status = running ? UnreadableTask.UNREADABLE : statusName(description.getStatus());
        return Optional.of(TaskRead.of(row(taskId, status, description, error, reason)));
    }

    private static UnreadableTask row(
            String taskId, String status, WorkflowExecutionDescription description, String error, ReadFailure failure) {
        if (description == null) {
            return new UnreadableTask(taskId, status, null, error, failure, List.of());
        }
        SearchAttributes attributes = description.getTypedSearchAttributes();
        List<String> groups = "AWAITING_APPROVAL".equals(attributes.get(TaskSearchAttributes.STATUS))
                ? attributes.get(TaskSearchAttributes.GROUPS)
                : List.of();
        return new UnreadableTask(
                taskId, status, attributes.get(TaskSearchAttributes.REQUESTER), error, failure, groups);
    }

    /** What the server's visibility says of the task, within the deadline; empty when it does not exist. */
    private Optional<WorkflowExecutionDescription> describe(String taskId) {
        try {
            return Optional.of(anyEnding.newUntypedWorkflowStub(taskId).describe());
        } catch (WorkflowNotFoundException gone) {
            return Optional.empty();
        }
    }

    /** {@code TERMINATED} for {@code WORKFLOW_EXECUTION_STATUS_TERMINATED}. */
    public static String statusName(WorkflowExecutionStatus status) {
        return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    }

    private static boolean deadlineExceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc
                    && grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String text = deepest.getMessage() == null
                ? deepest.getClass().getSimpleName()
                : deepest.getMessage().lines().findFirst().orElse("");
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory readerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "countersign-task-read-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
