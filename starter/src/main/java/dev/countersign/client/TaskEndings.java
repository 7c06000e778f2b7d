package dev.countersign.client;

import dev.countersign.approval.ApprovalId;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.listing.TaskReads;
import dev.countersign.review.ActionReview;
import dev.countersign.task.ActionIds;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskView;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Why a request reached a task that Temporal no longer runs: it has ended (and then what its view
 * says of the approval or action asked about), or it does not exist. The facade's answer to a
 * NOT_FOUND.
 */
final class TaskEndings {

    private final WorkflowClient client;
    private final Function<String, Optional<TaskView>> views;

    TaskEndings(WorkflowClient client, Function<String, Optional<TaskView>> views) {
        this.client = client;
        this.views = views;
    }

    /** The task has ended, as its view says, or does not exist. */
    CountersignException endedOrMissing(String taskId) {
        return views.apply(taskId)
                .<CountersignException>map(view -> new TaskNotActive("task " + taskId + " has ended: " + view.status()))
                .orElseGet(() -> new TaskNotFound("no task " + taskId));
    }

    /** The task's workflow has closed, as its execution says (even one that cannot be read), or does not exist. */
    CountersignException closedOrMissing(String taskId) {
        try {
            WorkflowExecutionStatus status =
                    client.newUntypedWorkflowStub(taskId).describe().getStatus();
            return new TaskNotActive("task " + taskId + " has ended: " + TaskReads.statusName(status));
        } catch (WorkflowNotFoundException missing) {
            return new TaskNotFound("no task " + taskId);
        }
    }

    /** A decision on an approval of an ended task: closed when the task proposed the action, else unknown. */
    CountersignException decisionAfterEnd(ApprovalId approval) {
        boolean hadAction = views.apply(approval.taskId())
                .map(view -> proposed(view, approval.actionId()))
                .orElse(false);
        if (hadAction) {
            return new DecisionRefused(
                    DecisionRefusal.ALREADY_DECIDED,
                    "task " + approval.taskId() + " has ended; its approvals are closed");
        }
        return new ApprovalNotFound("no approval " + approval);
    }

    /**
     * Why a review or an operator's request reached a task that has ended: its review windows had
     * closed, or the action was never under review, or it does not exist.
     */
    CountersignException reviewAfterEnd(String taskId, String actionId) {
        TaskView view = views.apply(taskId).orElseThrow(() -> new TaskNotFound("no task " + taskId));
        ActionView action = view.actions().stream()
                .filter(a -> a.actionId().equals(actionId))
                .findFirst()
                .orElse(null);
        if (action == null && proposed(view, actionId)) {
            return new DecisionRefused(
                    DecisionRefusal.NOT_UNDER_REVIEW,
                    "action " + actionId + " of task " + taskId + " is no longer under review; task " + taskId
                            + " has ended: " + view.status());
        }
        if (action == null) {
            return new DecisionRefused(DecisionRefusal.UNKNOWN_ACTION, "task " + taskId + " has no action " + actionId);
        }
        ActionReview review = action.review();
        return switch (review.state()) {
            case NONE ->
                new DecisionRefused(
                        DecisionRefusal.NOT_UNDER_REVIEW,
                        "action " + actionId + " of task " + taskId + " was not under review");
            case SAMPLED, AWAITING ->
                new DecisionRefused(
                        DecisionRefusal.REVIEW_WINDOW_CLOSED,
                        "the review window of action " + actionId + " closed at " + review.windowEndsAt() + "; task "
                                + taskId + " has ended: " + view.status());
            default ->
                new DecisionRefused(
                        DecisionRefusal.ALREADY_REVIEWED,
                        "action " + actionId + " was already reviewed: " + review.state() + " by " + review.reviewer());
        };
    }

    /**
     * Whether the task proposed this action: one its view holds, or one that left it for the archive
     * when the task continued as new (its number is within the task's count).
     */
    private static boolean proposed(TaskView view, String actionId) {
        if (view.actions().stream().anyMatch(a -> a.actionId().equals(actionId))) {
            return true;
        }
        long number = ActionIds.number(actionId);
        return number > 0 && number <= view.counts().total();
    }
}
