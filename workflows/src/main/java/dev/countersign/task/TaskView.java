package dev.countersign.task;

import dev.countersign.agent.JsonValues;
import dev.countersign.agent.Question;
import dev.countersign.approval.PendingApproval;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as reviewers and clients see it: status, every action with its decisions, the pending
 * approval or open question if any, and the agent's summary once it finished.
 */
public record TaskView(
        String taskId,
        String agent,
        String goal,
        Map<String, Object> input,
        String requester,
        TaskStatus status,
        List<ActionView> actions,
        String pendingApprovalId,
        PendingApproval pendingApproval,
        Question question,
        String summary,
        Instant startedAt,
        Instant updatedAt) {

    public TaskView {
        input = input == null ? Map.of() : JsonValues.immutableCopy(input);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
