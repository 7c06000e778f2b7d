package dev.countersign.inbox;

import com.google.protobuf.ByteString;
import dev.countersign.task.AgentTaskWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
     * @param queryClient the client that reads each task's view when counting pending approvals:
     *     one whose queries have a short deadline, so a task that cannot answer does not hold up
     *     the count
     */
    public ScanningTaskDirectory(WorkflowClient client, WorkflowClient queryClient) {
        this.client = client;
        this.queryClient = queryClient;
    }

    @Override
    public List<String> openTaskIds() {
        return ids(open().stream(), Integer.MAX_VALUE);
    }

    @Override
    public List<String> awaitingApprovalTaskIds(java.util.Collection<String> groups) {
        return openTaskIds();
    }

    @Override
    public long countAwaitingApproval() {
        return openTaskIds().stream()
                .filter(id -> {
                    try {
                        return queryClient
                                        .newWorkflowStub(AgentTaskWorkflow.class, id)
                                        .view()
                                        .pendingApproval()
                                != null;
                    } catch (io.temporal.client.WorkflowException | io.grpc.StatusRuntimeException gone) {
                        return false;
                    }
                })
                .count();
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
