package dev.countersign.task;

import dev.countersign.payload.PayloadBounds;
import dev.countersign.review.ReviewState;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * Continues the task as new when its run has taken {@link StepBudget#continueAsNewAfter()} steps or
 * Temporal suggests it, at a safe point: no handler running, no notification in flight. Before it,
 * the actions nothing waits on any more go to the archive and leave the state (compensable ones stay
 * in the saga as compact entries), so the carried state stays small; pending approvals, review
 * windows, failed compensations and remembered request ids go along.
 */
final class Handover {

    private static final Logger log = Workflow.getLogger(Handover.class);

    private final TaskState state;
    private final TaskArchiveActivities archive;
    private final Runnable flush;
    private final BooleanSupplier idle;
    /** No new attempt before this step after the archive failed; not carried. */
    private int deferredUntilStep;

    /** {@code flush} asks what sends in batches to send now; {@code idle} tells when all of it was sent. */
    Handover(TaskState state, TaskArchiveActivities archive, Runnable flush, BooleanSupplier idle) {
        this.state = state;
        this.archive = archive;
        this.flush = flush;
        this.idle = idle;
    }

    boolean due() {
        return state.steps >= deferredUntilStep
                && (state.stepsThisRun() >= state.start.budget().continueAsNewAfter()
                        || Workflow.getInfo().isContinueAsNewSuggested());
    }

    /** Continues as new (it does not return), unless the archive failed: then it tries again later. */
    void continueAsNew() {
        flush.run();
        Workflow.await(() -> Workflow.isEveryHandlerFinished() && idle.getAsBoolean());
        Instant now = TaskBoard.now();
        List<ActionRecord> leaving =
                state.actions.stream().filter(action -> leaves(action, now)).toList();
        try {
            for (List<ActionView> batch : batches(leaving)) {
                archive.archiveActions(new ArchivedActions(state.start.taskId(), state.firstRunId, batch));
            }
        } catch (ActivityFailure failure) {
            deferredUntilStep = state.steps + state.start.budget().continueAsNewAfter();
            log.warn(
                    "task {} could not archive its actions and goes on in this run until step {}: {}",
                    state.start.taskId(),
                    deferredUntilStep,
                    Failures.rootMessage(failure));
            return;
        }
        flush.run();
        Workflow.await(() -> Workflow.isEveryHandlerFinished() && idle.getAsBoolean());
        for (ActionRecord action : leaving) {
            if (action.state == ActionState.EXECUTED
                    && action.compensationName != null
                    && action.review.state() == ReviewState.NONE) {
                state.saga.add(action);
            }
            state.archived(action);
        }
        state.answers.compact(state.approvals.keySet());
        log.info(
                "task {} continues as new after step {}: {} action(s) archived, {} kept, {} approval(s) carried ({}"
                        + " pending)",
                state.start.taskId(),
                state.steps,
                leaving.size(),
                state.actions.size(),
                state.approvals.size(),
                state.pendingApprovals().size());
        Workflow.newContinueAsNewStub(AgentTaskWorkflow.class).run(state.start, state);
    }

    /** Whether nothing waits on the action any more: it ended, and no review or operator needs it here. */
    private static boolean leaves(ActionRecord action, Instant now) {
        if (action.state == ActionState.PENDING
                || action.state == ActionState.AWAITING_COLLECTION
                || action.review.state() == ReviewState.ROLLBACK_FAILED) {
            return false;
        }
        Instant windowEnd = action.review.windowEndsAt();
        return windowEnd == null || !now.isBefore(windowEnd) || action.review.state() == ReviewState.ROLLED_BACK;
    }

    /** The leaving actions' views in batches that each fit in one activity input. */
    private static List<List<ActionView>> batches(List<ActionRecord> leaving) {
        List<List<ActionView>> batches = new ArrayList<>();
        List<ActionView> batch = new ArrayList<>();
        long bytes = 0;
        for (ActionRecord action : leaving) {
            ActionView view = BoundedView.fitted(action.view(), PayloadBounds.MAX_MESSAGE_BYTES / 2);
            long size = BoundedView.bytes(view);
            if (!batch.isEmpty() && bytes + size > PayloadBounds.MAX_MESSAGE_BYTES / 2) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(view);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
