package dev.countersign.inbox;

import com.google.protobuf.ByteString;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskSearchAttributes;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.common.SearchAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Lists tasks by scanning open and closed executions, the one listing Temporal's Java test server
 * supports (it has no visibility queries). Filters by workflow type itself, because the test
 * server ignores the type filter, and leaves out the closed runs a task continued as new from, so a
 * long task is listed once, by its latest run.
 */
public class ScanningTaskDirectory implements TaskDirectory {

    private static final String WORKFLOW_TYPE = AgentTaskWorkflow.class.getSimpleName();
    private static final int PAGE_SIZE = 1000;

    private final WorkflowClient client;
    private final WorkflowClient queryClient;

    public ScanningTaskDirectory(WorkflowClient client) {
        this(client, client);
    }

    /**
     * @param queryClient the client that describes each open task to read its search attributes:
     *     one whose calls have a short deadline, so a slow answer does not hold up a listing
     */
    public ScanningTaskDirectory(WorkflowClient client, WorkflowClient queryClient) {
        this.client = client;
        this.queryClient = queryClient;
    }

    @Override
    public List<String> openTaskIds() {
        return ids(open().stream(), Integer.MAX_VALUE);
    }

    /**
     * The open tasks whose search attributes, as the server describes each execution, say they await
     * one of these groups; a task whose description cannot be read is kept (the inbox reads it and
     * shows it as unreadable when it cannot answer either).
     */
    @Override
    public List<String> awaitingApprovalTaskIds(Collection<String> groups) {
        return openTaskIds().stream()
                .filter(id -> awaiting(id)
                        .map(awaited -> awaited.stream().anyMatch(groups::contains))
                        .orElse(true))
                .toList();
    }

    /** Counted from each open task's search attributes: no task is queried, so none has to answer. */
    @Override
    public long countAwaitingApproval() {
        return openTaskIds().stream()
                .filter(id -> awaiting(id).map(awaited -> !awaited.isEmpty()).orElse(false))
                .count();
    }

    /**
     * The groups the task's search attributes say may act now (empty when it awaits no approval), or
     * empty when its description cannot be read.
     */
    private Optional<List<String>> awaiting(String taskId) {
        SearchAttributes attributes;
        try {
            attributes = queryClient.newUntypedWorkflowStub(taskId).describe().getTypedSearchAttributes();
        } catch (WorkflowException | StatusRuntimeException unreadable) {
            return Optional.empty();
        }
        // The task keeps the groups of every approval it holds in this attribute, and unsets it when none is pending.
        List<String> groups = attributes.get(TaskSearchAttributes.GROUPS);
        return Optional.of(groups == null ? List.of() : groups);
    }

    @Override
    public List<String> recentTaskIds(int limit) {
        return ids(Stream.concat(open().stream(), closed(limit).stream()), limit);
    }

    private static List<String> ids(Stream<WorkflowExecutionInfo> executions, int limit) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        executions
                .filter(info -> WORKFLOW_TYPE.equals(info.getType().getName()))
                .sorted(Comparator.comparing((WorkflowExecutionInfo info) ->
                                info.getStartTime().getSeconds())
                        .thenComparing(info -> info.getStartTime().getNanos())
                        .reversed())
                .map(info -> info.getExecution().getWorkflowId())
                .forEach(ids::add);
        return ids.stream().limit(limit).toList();
    }

    private List<WorkflowExecutionInfo> open() {
        return pages(
                token -> {
                    ListOpenWorkflowExecutionsResponse page = client.getWorkflowServiceStubs()
                            .blockingStub()
                            .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
                                    .setNamespace(client.getOptions().getNamespace())
                                    .setMaximumPageSize(PAGE_SIZE)
                                    .setNextPageToken(token)
                                    .setTypeFilter(
                                            WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
                                    .build());
                    return new Page(page.getExecutionsList(), page.getNextPageToken());
                },
                Integer.MAX_VALUE);
    }

    private List<WorkflowExecutionInfo> closed(int limit) {
        return pages(
                token -> {
                    ListClosedWorkflowExecutionsResponse page = client.getWorkflowServiceStubs()
                            .blockingStub()
                            .listClosedWorkflowExecutions(ListClosedWorkflowExecutionsRequest.newBuilder()
                                    .setNamespace(client.getOptions().getNamespace())
                                    .setMaximumPageSize(Math.min(limit, PAGE_SIZE))
                                    .setNextPageToken(token)
                                    .setTypeFilter(
                                            WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
                                    .build());
                    return new Page(
                            page.getExecutionsList().stream()
                                    .filter(info -> info.getStatus()
                                            != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW)
                                    .toList(),
                            page.getNextPageToken());
                },
                limit);
    }

    private static List<WorkflowExecutionInfo> pages(Function<ByteString, Page> fetch, int limit) {
        List<WorkflowExecutionInfo> all = new ArrayList<>();
        ByteString token = ByteString.EMPTY;
        do {
            Page page = fetch.apply(token);
            all.addAll(page.executions());
            token = page.next();
        } while (!token.isEmpty() && all.size() < limit);
        return all;
    }

    private record Page(List<WorkflowExecutionInfo> executions, ByteString next) {}
}
