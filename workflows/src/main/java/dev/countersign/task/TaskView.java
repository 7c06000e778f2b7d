package dev.countersign.task;

import dev.countersign.agent.JsonValues;
import dev.countersign.agent.Question;
import dev.countersign.approval.PendingApproval;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as reviewers and clients see it: status, its actions with their decisions, the pending
 * approvals or open question if any, and the agent's summary once it finished. The workflow's own
 * view holds the actions its current run keeps; a view read through the client holds one page of
 * every run's actions ({@code page}), with {@code counts} over the whole task either way. {@code
 * pendingApproval} is the oldest of {@code pendingApprovals}; {@code reviewerGroups} the groups of
 * every approval tier any action of the task named, over all runs.
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
        Instant updatedAt,
        int steps,
        long tokens,
        ActionCounts counts,
        String firstRunId,
        List<PendingApproval> pendingApprovals,
        ActionPage page,
        List<String> reviewerGroups) {

    public TaskView {
        input = input == null ? Map.of() : JsonValues.immutableCopy(input);
        actions = actions == null ? List.of() : List.copyOf(actions);
        counts = counts == null ? ActionCounts.NONE : counts;
        pendingApprovals = pendingApprovals == null
                ? (pendingApproval == null ? List.of() : List.of(pendingApproval))
                : List.copyOf(pendingApprovals);
        reviewerGroups = reviewerGroups == null
                ? actions.stream()
                        .flatMap(action -> action.reviewerGroups().stream())
                        .distinct()
                        .sorted()
                        .toList()
                : List.copyOf(reviewerGroups);
    }

    /** This view holding {@code actions} as the given page of the task's actions. */
    public TaskView withPage(List<ActionView> actions, ActionPage page) {
        return new TaskView(
                taskId,
                agent,
                goal,
                input,
                requester,
                status,
                actions,
                pendingApprovalId,
                pendingApproval,
                question,
                summary,
                startedAt,
                updatedAt,
                steps,
                tokens,
                counts,
                firstRunId,
                pendingApprovals,
                page,
                reviewerGroups);
    }
}
