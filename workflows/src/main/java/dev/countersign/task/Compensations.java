package dev.countersign.task;

import dev.countersign.payload.PayloadBounds;
import dev.countersign.review.CompensationRecord;
import dev.countersign.review.ReviewState;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * Runs an executed action's compensation with the action's own idempotency key, so the tool undoes
 * it at most once however often it is asked; one that fails after its retries leaves the action
 * ROLLBACK_FAILED for operators, never dropped.
 */
final class Compensations {

    private static final Logger log = Workflow.getLogger(Compensations.class);

    private final String taskId;
    private final ToolActivities compensations;

    Compensations(String taskId, ToolActivities compensations) {
        this.taskId = taskId;
        this.compensations = compensations;
    }

    void compensate(ActionRecord action, String by, String comment) {
        action.compensationRuns++;
        CompensationRequest request = new CompensationRequest(
                taskId,
                action.actionId,
                action.call.tool(),
                action.compensationName,
                action.call.args(),
                action.result,
                CompensationRequest.idempotencyKey(taskId, action.actionId));
        try {
            ToolResult result = compensations.compensate(request).within(PayloadBounds.MAX_VALUE_BYTES);
            action.compensation = CompensationRecord.succeeded(
                    action.compensationName, result.output(), TaskBoard.now(), action.compensationRuns);
            action.review = action.review.with(ReviewState.ROLLED_BACK, by, TaskBoard.now(), comment);
            TaskMetrics.rollback(action.call.tool(), "rolled_back");
            log.info("task {} action {} rolled back by {} ({})", taskId, action.actionId, by, action.compensationName);
        } catch (ActivityFailure failure) {
            String error = Failures.rootMessage(failure);
            action.compensation =
                    CompensationRecord.failed(action.compensationName, error, TaskBoard.now(), action.compensationRuns);
            action.review = action.review.with(ReviewState.ROLLBACK_FAILED, by, TaskBoard.now(), comment);
            TaskMetrics.compensationFailure(action.call.tool());
            log.warn(
                    "task {} action {}: compensation {} failed after its retries, operators must act: {}",
                    taskId,
                    action.actionId,
                    action.compensationName,
                    error);
        }
    }
}
