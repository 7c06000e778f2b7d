package dev.countersign.client;

import com.google.protobuf.ByteString;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.CollectRequest;
import dev.countersign.task.ReportedOutcome;
import dev.countersign.task.SubmittedCall;
import dev.countersign.task.SubmittedCallReceipt;
import dev.countersign.task.TaskSearchAttributes;
import dev.countersign.task.TaskStart;
import io.grpc.Deadline;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.HistoryEventFilterType;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Calls an agent running elsewhere submits to an external task (the MCP gateway): submitting starts
 * the task when it is not running (update-with-start, so concurrent first calls make one task), and
 * waiting for a call's outcome long-polls the task's history on the Temporal server, so any replica
 * can wait and wakes as soon as something happened to the task, with no poll of its own.
 */
public class SubmittedCalls {

    /** A history long-poll the server answers within, so the wait re-reads the action at least this often. */
    public static final long LONG_POLL_SECONDS = 10;

    private static final Duration LONG_POLL = Duration.ofSeconds(LONG_POLL_SECONDS);

    private final WorkflowClient client;
    private final String taskQueue;
    private final Clock clock;
    private final TaskCalls calls;

    public SubmittedCalls(WorkflowClient client, String taskQueue, Clock clock) {
        this.client = client;
        this.taskQueue = taskQueue;
        this.clock = clock;
        this.calls = new TaskCalls(client);
    }

    /**
     * Submits the call to the task {@code start} names, starting it when no run of it is open; the same
     * gate id is the same call. A task that refuses it (another requester's, an agent's, or one that
     * ended) answers {@link DecisionRefused}.
     */
    public SubmittedCallReceipt submit(TaskStart start, SubmittedCall call) {
        AgentTaskWorkflow workflow = client.newWorkflowStub(
                AgentTaskWorkflow.class,
                TaskStartOptions.of(start, taskQueue)
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                        .build());
        UpdateOptions<SubmittedCallReceipt> options = UpdateOptions.<SubmittedCallReceipt>newBuilder()
                .setUpdateId("submit-" + call.gateId())
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build();
        return calls.call(
                start.taskId(),
                () -> WorkflowClient.executeUpdateWithStart(
                        workflow::submit, call, options, new WithStartWorkflowOperation<>(workflow::run, start, null)),
                () -> new TaskNotFound("no task " + start.taskId()));
    }

    /** Tells the task the caller is back for the call: an approved one runs now. */
    public ActionState collect(String taskId, CollectRequest request) {
        return calls.call(
                taskId,
                () -> client.newWorkflowStub(AgentTaskWorkflow.class, taskId).collect(request),
                () -> new TaskNotActive("task " + taskId + " has ended"));
    }

    /**
     * Records what the agent's own run of an allowed call returned; {@code updateId} makes a repeated
     * report the same one. A report the call cannot take answers {@link DecisionRefused}.
     */
    public ActionState report(String taskId, ReportedOutcome outcome, String updateId) {
        UpdateOptions<ActionState> options = UpdateOptions.<ActionState>newBuilder()
                .setUpdateId(updateId)
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build();
        return calls.call(
                taskId,
                () -> WorkflowClient.startUpdate(
                                client.newWorkflowStub(AgentTaskWorkflow.class, taskId)::report, outcome, options)
                        .getResult(),
                () -> new TaskNotActive("task " + taskId + " has ended"));
    }

    /** Who requested the task, as Temporal's search attributes say; empty when there is no such task. */
    public Optional<String> requester(String taskId) {
        try {
            return Optional.ofNullable(client.newUntypedWorkflowStub(taskId)
                    .describe()
                    .getTypedSearchAttributes()
                    .get(TaskSearchAttributes.REQUESTER));
        } catch (WorkflowNotFoundException gone) {
            return Optional.empty();
        }
    }

    /** The call's action as the task's current run holds it; empty once the task or the action is gone. */
    public Optional<ActionView> action(String taskId, String actionId) {
        try {
            return Optional.ofNullable(
                    client.newWorkflowStub(AgentTaskWorkflow.class, taskId).action(actionId));
        } catch (WorkflowNotFoundException gone) {
            return Optional.empty();
        }
    }

    /**
     * Waits up to {@code wait} until the action satisfies {@code done}, waking on each change to the task
     * and at least every {@value #LONG_POLL_SECONDS} seconds, when {@code waiting} hears the action as it
     * stands. Answers the action as it last stood; empty once it cannot be read.
     */
    public Optional<ActionView> await(
            String taskId, String actionId, Predicate<ActionView> done, Duration wait, Consumer<ActionView> waiting) {
        Instant deadline = clock.instant().plus(wait);
        HistoryCursor cursor = new HistoryCursor(taskId);
        while (true) {
            Optional<ActionView> action = action(taskId, actionId);
            if (action.isEmpty() || done.test(action.get())) {
                return action;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return action;
            }
            waiting.accept(action.get());
            cursor.awaitNewEvent(left.compareTo(LONG_POLL) < 0 ? left : LONG_POLL);
        }
    }

    /**
     * Where the wait stands in the task's latest run's history: the next long-poll returns once an event
     * follows it. A wake-up with nothing new for the action (the run's first read, a later page) only
     * costs a query.
     */
    private final class HistoryCursor {

        private final String taskId;
        private ByteString pageToken = ByteString.EMPTY;

        HistoryCursor(String taskId) {
            this.taskId = taskId;
        }

        /** Returns when the task's history grew, the run ended, or {@code within} passed. */
        void awaitNewEvent(Duration within) {
            // One deadline for every page: a real server answers a long-poll with no new event by an empty
            // page with the same token, and a fresh deadline per page would wait on past `within`.
            Deadline deadline = Deadline.after(within.toMillis(), TimeUnit.MILLISECONDS);
            try {
                while (!deadline.isExpired()) {
                    GetWorkflowExecutionHistoryResponse page = client.getWorkflowServiceStubs()
                            .blockingStub()
                            .withDeadline(deadline)
                            .getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest.newBuilder()
                                    .setNamespace(client.getOptions().getNamespace())
                                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(taskId))
                                    .setNextPageToken(pageToken)
                                    .setWaitNewEvent(true)
                                    .setHistoryEventFilterType(
                                            HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
                                    .build());
                    boolean firstPage = pageToken.isEmpty();
                    // An empty token: the run ended (or continued as new); the next wait reads the latest run.
                    pageToken = page.getNextPageToken();
                    // A long-poll (any page after the first) answers with the new events, or with none just
                    // before its deadline (a real server sends back an empty page then rather than fail it):
                    // either way the caller reads the action again and checks its own deadline.
                    if (pageToken.isEmpty() || !firstPage) {
                        return;
                    }
                }
            } catch (StatusRuntimeException failed) {
                switch (failed.getStatus().getCode()) {
                    case DEADLINE_EXCEEDED -> {}
                    case NOT_FOUND -> pageToken = ByteString.EMPTY;
                    // The Java test server (the embedded one) fails a long-poll of all events when the history
                    // grew, reading one event past its end (TestWorkflowStoreImpl.HistoryStore.waitForNewEvents,
                    // 1.38.0): that failure is the wake-up; it ignores page tokens, so there is none to keep.
                    case UNKNOWN -> pageToken = ByteString.EMPTY;
                    default -> throw failed;
                }
            }
        }
    }
}
