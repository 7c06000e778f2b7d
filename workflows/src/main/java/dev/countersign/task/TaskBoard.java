package dev.countersign.task;

import dev.countersign.approval.PendingApproval;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Makes a change to the task visible: the time it was last updated, and the search attributes the
 * inbox finds pending work by (status, the groups that may act now, the oldest pending approval's
 * tool and quorum), upserted only when they change. Every part of the workflow reports its changes
 * here. Workflow code only.
 */
final class TaskBoard {

    private static final Logger log = Workflow.getLogger(TaskBoard.class);

    private final TaskState state;
    private List<Object> published = List.of();

    TaskBoard(TaskState state) {
        this.state = state;
    }

    static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    void touch() {
        state.updatedAt = now();
        publish();
    }

    /**
     * Sets the task's status; an external task whose calls wait side by side stays awaiting approval
     * while any of them does.
     */
    void status(TaskStatus status) {
        boolean othersWait = status == TaskStatus.RUNNING
                && state.start.external()
                && !state.pendingApprovals().isEmpty();
        state.status = othersWait ? TaskStatus.AWAITING_APPROVAL : status;
        touch();
    }

    void finish(TaskStatus status, String summary) {
        state.summary = summary;
        status(status);
        log.info("task {} ended {}: {}", state.start.taskId(), status, summary);
    }

    private void publish() {
        List<PendingApproval> pending = state.pendingApprovals();
        PendingApproval oldest = pending.isEmpty() ? null : pending.get(0);
        List<String> groups = pending.stream()
                .flatMap(approval -> approval.groups().stream())
                .distinct()
                .toList();
        List<Object> values = oldest == null
                ? List.of(state.status)
                : List.of(state.status, groups, oldest.tool(), oldest.required());
        if (Objects.equals(values, published)) {
            return;
        }
        published = values;
        Workflow.upsertTypedSearchAttributes(TaskSearchAttributes.of(
                        state.status,
                        state.start.requester(),
                        oldest == null ? null : oldest.tool(),
                        groups,
                        oldest == null ? 0 : oldest.required())
                .toArray(SearchAttributeUpdate[]::new));
    }
}
