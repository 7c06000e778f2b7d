package dev.countersign.service.api;

import dev.countersign.approval.PendingApproval;
import dev.countersign.policy.Outcome;
import dev.countersign.task.ActionCounts;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small, fixed domain values for the web tests. */
final class TaskFixtures {

    static final Instant STARTED = Instant.parse("2026-03-01T09:00:00Z");

    private TaskFixtures() {}

    static TaskView task(String taskId, String requester, TaskStatus status) {
        return new TaskView(
                taskId,
                "support",
                "refund order 42",
                Map.of("orderId", 42),
                requester,
                status,
                List.of(),
                null,
                null,
                null,
                null,
                STARTED,
                STARTED,
                0,
                0,
                ActionCounts.NONE,
                null,
                null,
                null,
                null);
    }

    /** A task with one call the policy gave to {@code reviewerGroups} for approval. */
    static TaskView reviewedTask(String taskId, String requester, List<String> reviewerGroups) {
        ActionView refund = new ActionView(
                "a2",
                "issue_refund",
                Map.of("orderId", 42, "amount", 120.5),
                "sha256:abc",
                "the customer was charged twice",
                0.82,
                Outcome.APPROVE,
                "refunds-over-100",
                "policy-hash-1",
                null,
                ActionState.PENDING,
                null,
                null,
                List.of(),
                List.of(),
                STARTED,
                null,
                null,
                null,
                false,
                reviewerGroups);
        TaskView task = task(taskId, requester, TaskStatus.AWAITING_APPROVAL);
        return new TaskView(
                task.taskId(),
                task.agent(),
                task.goal(),
                task.input(),
                task.requester(),
                task.status(),
                List.of(refund),
                null,
                null,
                null,
                null,
                task.startedAt(),
                task.updatedAt(),
                0,
                0,
                ActionCounts.of(List.of(refund)),
                null,
                null,
                null,
                null);
    }

    /**
     * {@code requester}'s refund task whose call a2 the policy gave to the tiers of {@code
     * reviewerGroups}; it now waits for {@code pendingGroups}, the current tier.
     */
    static TaskView awaiting(String taskId, String requester, List<String> reviewerGroups, List<String> pendingGroups) {
        TaskView task = reviewedTask(taskId, requester, reviewerGroups);
        PendingApproval pending = pending(taskId, requester, pendingGroups);
        return new TaskView(
                task.taskId(),
                task.agent(),
                task.goal(),
                task.input(),
                task.requester(),
                task.status(),
                task.actions(),
                pending.approvalId(),
                pending,
                null,
                null,
                task.startedAt(),
                task.updatedAt(),
                0,
                0,
                ActionCounts.of(task.actions()),
                null,
                null,
                null,
                null);
    }

    /** The approval {@code <taskId>.a2} of {@code requester}'s task, waiting for {@code groups}. */
    static PendingApproval pending(String taskId, String requester, List<String> groups) {
        return new PendingApproval(
                taskId + ".a2",
                taskId,
                "a2",
                "issue_refund",
                Map.of("orderId", 42, "amount", 120.5),
                "sha256:abc",
                "the customer was charged twice",
                0.82,
                List.of("money"),
                requester,
                "refunds",
                "policy-hash-1",
                groups.get(0),
                groups,
                1,
                0,
                List.of(),
                STARTED,
                STARTED.plusSeconds(4 * 3600));
    }

    static PendingApproval approval(String approvalId) {
        return new PendingApproval(
                approvalId,
                "refund-42",
                "action-1",
                "issue_refund",
                Map.of("orderId", 42, "amount", 120.5),
                "sha256:abc",
                "the customer was charged twice",
                0.82,
                List.of("money"),
                "dave",
                "refunds-over-100",
                "policy-hash-1",
                "finance",
                List.of("finance"),
                2,
                0,
                List.of(),
                STARTED,
                STARTED.plusSeconds(4 * 3600));
    }
}
