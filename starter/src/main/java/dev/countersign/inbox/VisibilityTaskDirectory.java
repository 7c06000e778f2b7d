package dev.countersign.inbox;

import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds tasks with visibility queries over Countersign's search attributes, as a real Temporal
 * server (or Temporal Cloud) answers them: the inbox asks only for tasks awaiting one of the
 * caller's groups.
 */
public class VisibilityTaskDirectory implements TaskDirectory {

    static final String TASKS = "WorkflowType = '" + AgentTaskWorkflow.class.getSimpleName() + "'";
    static final String LATEST_RUNS = "ExecutionStatus != 'ContinuedAsNew'";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@-]+");

    private final WorkflowClient client;

    public VisibilityTaskDirectory(WorkflowClient client) {
        this.client = client;
    }

    @Override
    public List<String> openTaskIds() {
        return ids(TASKS + " AND ExecutionStatus = 'Running'", Integer.MAX_VALUE);
    }

    @Override
    public List<String> awaitingApprovalTaskIds(Collection<String> groups) {
        List<String> quoted = groups.stream()
                .filter(group -> PLAIN.matcher(group).matches())
                .map(group -> "'" + group + "'")
                .toList();
        if (quoted.isEmpty()) {
            return List.of();
        }
        return ids(
                TASKS + " AND ExecutionStatus = 'Running' AND " + TaskSearchAttributes.STATUS.getName()
                        + " = 'AWAITING_APPROVAL' AND " + TaskSearchAttributes.GROUPS.getName() + " IN ("
                        + quoted.stream().collect(Collectors.joining(", ")) + ")",
                Integer.MAX_VALUE);
    }

    @Override
    public long countAwaitingApproval() {
        return client.countWorkflows(TASKS + " AND ExecutionStatus = 'Running' AND "
                        + TaskSearchAttributes.STATUS.getName() + " = 'AWAITING_APPROVAL'")
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
