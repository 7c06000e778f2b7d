package dev.countersign.inbox;

import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
        return ids(
                RUNNING_TASKS + " AND " + TaskSearchAttributes.STATUS.getName() + " = 'AWAITING_APPROVAL' AND "
                        + TaskSearchAttributes.GROUPS.getName() + " IN (" + String.join(", ", quoted) + ")",
                Integer.MAX_VALUE);
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
        } catch (io.grpc.StatusRuntimeException e) {
            if (e.getStatus().getCode() == io.grpc.Status.Code.UNIMPLEMENTED) {
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
