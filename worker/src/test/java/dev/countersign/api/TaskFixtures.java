package dev.countersign.api;

import dev.countersign.approval.PendingApproval;
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
                STARTED);
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
