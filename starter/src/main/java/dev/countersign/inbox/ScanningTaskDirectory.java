package dev.countersign.inbox;

import com.google.protobuf.ByteString;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.InboxMemo;
import dev.countersign.task.TaskSearchAttributes;
import io.grpc.Status;
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
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** How often one page is asked for before a listing fails (see {@link #fetched}). */
    static final int LISTING_ATTEMPTS = 3;

    private static final ListingRetry LISTING_RETRY =
            new ListingRetry(LISTING_ATTEMPTS, Set.of(Status.Code.UNKNOWN), Duration.ZERO);

    private static final Comparator<WorkflowExecutionInfo> NEWEST_FIRST = Comparator.comparing(
                    (WorkflowExecutionInfo info) -> Position.of(info))
            .reversed();

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
        return openTaskIds().stream().filter(id -> awaitsOneOf(id, groups)).toList();
    }

    /**
     * Scans the open tasks newest first, after the task the token names, and describes only as many
     * as it takes to fill the page. The token is where the page ended (the last task's start time
     * and id), so tasks that start or end between pages neither shift nor repeat the pages after.
     */
    @Override
    public TaskIdPage awaitingApprovalPage(Collection<String> groups, int limit, String pageToken) {
        Position after = pageToken == null ? null : Position.parse(pageToken);
        List<WorkflowExecutionInfo> newestFirst = open().stream()
                .filter(info -> WORKFLOW_TYPE.equals(info.getType().getName()))
                .sorted(NEWEST_FIRST)
                .toList();
        List<String> page = new ArrayList<>();
        Map<String, InboxMemo> memos = new HashMap<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            WorkflowExecutionInfo info = newestFirst.get(i);
            String taskId = info.getExecution().getWorkflowId();
            if ((after != null && !after.isBefore(info)) || page.contains(taskId)) {
                continue;
            }
            Optional<Described> described = describe(taskId);
            if (!awaitsOneOf(described, groups)) {
                continue;
            }
            page.add(taskId);
            described.flatMap(Described::memo).ifPresent(memo -> memos.put(taskId, memo));
            if (page.size() == limit) {
                return new TaskIdPage(
                        page, i < newestFirst.size() - 1 ? Position.of(info).token() : null, memos);
            }
        }
        return new TaskIdPage(page, null, memos);
    }

    private boolean awaitsOneOf(String taskId, Collection<String> groups) {
        return awaitsOneOf(describe(taskId), groups);
    }

    private static boolean awaitsOneOf(Optional<Described> described, Collection<String> groups) {
        return described
                .map(task -> task.awaiting().stream().anyMatch(groups::contains))
                .orElse(true);
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
        return describe(taskId).map(Described::awaiting);
    }

    /** What the server says of an open task: the groups it awaits and its inbox memo, if complete. */
    private record Described(List<String> awaiting, Optional<InboxMemo> memo) {}

    private Optional<Described> describe(String taskId) {
        WorkflowExecutionDescription description;
        try {
            description = queryClient.newUntypedWorkflowStub(taskId).describe();
        } catch (WorkflowException | StatusRuntimeException unreadable) {
            return Optional.empty();
        }
        SearchAttributes attributes = description.getTypedSearchAttributes();
        // The task keeps the groups of every approval it holds in this attribute, and unsets it when none is pending.
        List<String> groups = attributes.get(TaskSearchAttributes.GROUPS);
        return Optional.of(new Described(
                groups == null ? List.of() : groups,
                InboxMemos.of(queryClient, description.getWorkflowExecutionInfo())));
    }

    @Override
    public List<String> recentTaskIds(int limit) {
        return ids(Stream.concat(open().stream(), closed(limit).stream()), limit);
    }

    private static List<String> ids(Stream<WorkflowExecutionInfo> executions, int limit) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        executions
                .filter(info -> WORKFLOW_TYPE.equals(info.getType().getName()))
                .sorted(NEWEST_FIRST)
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
            Page page = fetched(fetch, token);
            all.addAll(page.executions());
            token = page.next();
        } while (!token.isEmpty() && all.size() < limit);
        return all;
    }

    /**
     * One page, asked again when the server failed with UNKNOWN: the in-process test server lists
     * its executions without a lock and now and then fails a listing that raced a change
     * (ConcurrentModificationException). A listing changes nothing, so asking again is safe.
     */
    static Page fetched(Function<ByteString, Page> fetch, ByteString token) {
        return LISTING_RETRY.call(() -> fetch.apply(token), pause -> {});
    }

    record Page(List<WorkflowExecutionInfo> executions, ByteString next) {}

    /** Where a task stands in a scan: by start time, ties broken by id. */
    private record Position(long seconds, int nanos, String taskId) implements Comparable<Position> {

        private static final Comparator<Position> ORDER = Comparator.comparingLong(Position::seconds)
                .thenComparingInt(Position::nanos)
                .thenComparing(Position::taskId, Comparator.reverseOrder());

        static Position of(WorkflowExecutionInfo info) {
            return new Position(
                    info.getStartTime().getSeconds(),
                    info.getStartTime().getNanos(),
                    info.getExecution().getWorkflowId());
        }

        static Position parse(String token) {
            String[] parts = PageTokens.text(token).split("\\n", 4);
            if (parts.length != 4 || !parts[0].equals("scan")) {
                throw PageTokens.invalid();
            }
            try {
                return new Position(Long.parseLong(parts[1]), Integer.parseInt(parts[2]), parts[3]);
            } catch (NumberFormatException malformed) {
                throw PageTokens.invalid();
            }
        }

        String token() {
            return PageTokens.of("scan\n" + seconds + "\n" + nanos + "\n" + taskId);
        }

        /** Whether this task comes before that one, newest first. */
        boolean isBefore(WorkflowExecutionInfo info) {
            return compareTo(of(info)) > 0;
        }

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }
}
