package dev.countersign.inbox;

import com.google.protobuf.ByteString;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.InboxMemo;
import dev.countersign.task.TaskSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Finds tasks with visibility queries over Countersign's search attributes, as a real Temporal
 * server (or Temporal Cloud) answers them: the inbox asks only for tasks awaiting one of the
 * caller's groups.
 */
public class VisibilityTaskDirectory implements TaskDirectory {

    static final String TASKS = "WorkflowType = '" + AgentTaskWorkflow.class.getSimpleName() + "'";
    static final String LATEST_RUNS = "ExecutionStatus != 'ContinuedAsNew'";
    static final String RUNNING_TASKS = TASKS + " AND ExecutionStatus = 'Running'";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@-]+");

    private final WorkflowClient client;

    public VisibilityTaskDirectory(WorkflowClient client) {
        this.client = client;
    }

    @Override
    public List<String> openTaskIds() {
        return ids(RUNNING_TASKS, Integer.MAX_VALUE);
    }

    @Override
    public List<String> awaitingApprovalTaskIds(Collection<String> groups) {
        List<String> quoted = quoted(groups);
        if (quoted.isEmpty()) {
            return List.of();
        }
        return ids(awaitingApproval(quoted), Integer.MAX_VALUE);
    }

    /**
     * One page of the server's own listing, in its order (running tasks newest first: SQL visibility
     * and Elasticsearch both order by start time, descending, when no execution has closed), with
     * the server's next-page token; nothing beyond the page is listed.
     */
    @Override
    public TaskIdPage awaitingApprovalPage(Collection<String> groups, int limit, String pageToken) {
        ByteString token = pageToken == null ? ByteString.EMPTY : ByteString.copyFrom(PageTokens.bytes(pageToken));
        List<String> quoted = quoted(groups);
        if (quoted.isEmpty()) {
            return TaskIdPage.last(List.of());
        }
        ListWorkflowExecutionsRequest request = ListWorkflowExecutionsRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setQuery(awaitingApproval(quoted))
                .setPageSize(limit)
                .setNextPageToken(token)
                .build();
        ListWorkflowExecutionsResponse page;
        try {
            page = askedAgain(
                    () -> client.getWorkflowServiceStubs().blockingStub().listWorkflowExecutions(request),
                    VisibilityTaskDirectory::pause);
        } catch (StatusRuntimeException refused) {
            if (pageToken != null && refused.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw PageTokens.invalid();
            }
            throw refused;
        }
        List<String> ids = page.getExecutionsList().stream()
                .map(execution -> execution.getExecution().getWorkflowId())
                .distinct()
                .toList();
        Map<String, InboxMemo> memos = new HashMap<>();
        for (WorkflowExecutionInfo execution : page.getExecutionsList()) {
            InboxMemos.of(client, execution)
                    .ifPresent(published ->
                            memos.putIfAbsent(execution.getExecution().getWorkflowId(), published));
        }
        return new TaskIdPage(
                ids,
                page.getNextPageToken().isEmpty()
                        ? null
                        : PageTokens.of(page.getNextPageToken().toByteArray()),
                memos);
    }

    /** How often one page is asked for before the listing fails (see {@link #askedAgain}). */
    static final int PAGE_ATTEMPTS = 5;

    private static final ListingRetry PAGE_RETRY = new ListingRetry(
            PAGE_ATTEMPTS, Set.of(Status.Code.RESOURCE_EXHAUSTED, Status.Code.UNAVAILABLE), Duration.ofMillis(50));

    /**
     * One page, asked again after a pause (50 ms, doubling: at most 750 ms in all) when the server
     * is busy or briefly unreachable: RESOURCE_EXHAUSTED (Temporal allows a namespace 10 visibility
     * calls per second per frontend by default, {@code frontend.namespaceRPS.visibility}) or
     * UNAVAILABLE (a server restarting). The page is read from the gRPC stub itself, for its page
     * token, so the SDK's own retries do not apply. A listing changes nothing, so asking again is
     * safe; any other failure is not asked again.
     */
    static <T> T askedAgain(Supplier<T> call, Consumer<Duration> pause) {
        return PAGE_RETRY.call(call, pause);
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusRuntimeException(Status.CANCELLED.withDescription("interrupted while waiting to list"));
        }
    }

    private static String awaitingApproval(List<String> quotedGroups) {
        return RUNNING_TASKS + " AND " + TaskSearchAttributes.STATUS.getName() + " = 'AWAITING_APPROVAL' AND "
                + TaskSearchAttributes.GROUPS.getName() + " IN (" + String.join(", ", quotedGroups) + ")";
    }

    /**
     * Tasks whose review search attribute names one of the groups (an operator: any review), and
     * tasks started before Countersign published it, which have none and are checked one by one.
     */
    @Override
    public List<String> awaitingReviewTaskIds(Collection<String> groups, boolean operator) {
        String reviews = TaskSearchAttributes.REVIEW_GROUPS.getName();
        List<String> wanted = operator ? List.of("'" + TaskSearchAttributes.ANY_REVIEW + "'") : quoted(groups);
        String published = wanted.isEmpty() ? "" : reviews + " IN (" + String.join(", ", wanted) + ") OR ";
        return ids(RUNNING_TASKS + " AND (" + published + reviews + " IS NULL)", Integer.MAX_VALUE);
    }

    private static List<String> quoted(Collection<String> groups) {
        return groups.stream()
                .filter(group -> PLAIN.matcher(group).matches())
                .map(group -> "'" + group + "'")
                .toList();
    }

    @Override
    public long countAwaitingApproval() {
        return client.countWorkflows(
                        RUNNING_TASKS + " AND " + TaskSearchAttributes.STATUS.getName() + " = 'AWAITING_APPROVAL'")
                .getCount();
    }

    /**
     * A task that continued as new has a closed execution per earlier run (ContinuedAsNew) beside its
     * latest: only the latest stands for the task, so it is listed once and ordered by when its
     * latest run began.
     */
    @Override
    public List<String> recentTaskIds(int limit) {
        return ids(TASKS + " AND " + LATEST_RUNS, limit);
    }

    /** Whether this server answers visibility queries (Temporal's Java test server does not). */
    public boolean supported() {
        try {
            client.listExecutions(TASKS).limit(1).count();
            return true;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return false;
            }
            throw e;
        }
    }

    private List<String> ids(String query, int limit) {
        try (var executions = client.listExecutions(query)) {
            return executions
                    .sorted(Comparator.comparing(WorkflowExecutionMetadata::getStartTime)
                            .reversed())
                    .map(execution -> execution.getExecution().getWorkflowId())
                    .distinct()
                    .limit(limit)
                    .toList();
        }
    }
}
