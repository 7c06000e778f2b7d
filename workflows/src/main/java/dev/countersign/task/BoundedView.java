package dev.countersign.task;

import dev.countersign.approval.PendingApproval;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.review.ActionReview;
import dev.countersign.review.CompensationRecord;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.RollbackResult;
import java.util.List;

/**
 * Keeps the task view (the {@code view} query's answer and the workflow's result) under a size
 * bound: the goal and input are cut to a quarter of it each, and while the whole is larger, the
 * bulky fields of the oldest actions (arguments, result, rationale, error, comments) are cut to a
 * short beginning with a marker. Each value the workflow keeps is bounded already; this bounds
 * their number. A whole-task rollback's answer is kept under the bound the same way.
 */
final class BoundedView {

    private static final int OVERHEAD_BYTES = 2048;
    private static final int ELIDED = PayloadBounds.ELIDED_BYTES;

    private BoundedView() {}

    static TaskView within(TaskView view, int maxBytes) {
        // A quarter each: never less than what the facade accepts, so a repeated start compares equal.
        String goal = PayloadBounds.text(view.goal(), maxBytes / 4);
        var input = PayloadBounds.json(view.input(), maxBytes / 4);
        long fixed = OVERHEAD_BYTES
                + PayloadBounds.utf8Length(goal)
                + PayloadBounds.jsonBytes(input)
                + view.pendingApprovals().stream()
                        .mapToLong(BoundedView::pendingBytes)
                        .sum()
                + (view.question() == null
                        ? 0
                        : PayloadBounds.utf8Length(view.question().text())
                                + PayloadBounds.jsonBytes(view.question().options()))
                + PayloadBounds.utf8Length(view.summary());
        List<ActionView> actions = PayloadBounds.elideOldest(
                        view.actions(), BoundedView::bytes, BoundedView::elided, maxBytes - fixed)
                .items();
        return new TaskView(
                view.taskId(),
                view.agent(),
                goal,
                input,
                view.requester(),
                view.status(),
                actions,
                view.pendingApprovalId(),
                view.pendingApproval(),
                view.question(),
                view.summary(),
                view.startedAt(),
                view.updatedAt(),
                view.steps(),
                view.tokens(),
                view.counts(),
                view.firstRunId(),
                view.pendingApprovals(),
                view.page(),
                view.reviewerGroups());
    }

    /** The action whole when it fits in {@code maxBytes}, else with its bulky fields cut. */
    static ActionView fitted(ActionView action, long maxBytes) {
        return bytes(action) <= maxBytes ? action : elided(action);
    }

    /**
     * Keeps a whole-task rollback's answer (an Update result) under the bound: while it is larger,
     * the comments and compensation results of its first actions are cut like an old action's.
     */
    static RollbackResult within(RollbackResult result, int maxBytes) {
        List<ReviewResult> actions = PayloadBounds.elideOldest(
                        result.actions(), BoundedView::bytes, BoundedView::elided, maxBytes - OVERHEAD_BYTES)
                .items();
        return new RollbackResult(result.taskId(), actions);
    }

    static ReviewResult elided(ReviewResult action) {
        return new ReviewResult(
                action.taskId(), action.actionId(), elided(action.review()), elided(action.compensation()));
    }

    private static long bytes(ReviewResult result) {
        return 512 + PayloadBounds.utf8Length(result.review().comment()) + bytes(result.compensation());
    }

    private static long bytes(CompensationRecord compensation) {
        if (compensation == null) {
            return 0;
        }
        return 256
                + PayloadBounds.jsonBytes(compensation.result())
                + PayloadBounds.utf8Length(compensation.error())
                + PayloadBounds.utf8Length(compensation.resolution());
    }

    private static ActionReview elided(ActionReview review) {
        return new ActionReview(
                review.state(),
                review.reviewer(),
                review.at(),
                PayloadBounds.text(review.comment(), ELIDED),
                review.windowEndsAt(),
                review.groups());
    }

    private static CompensationRecord elided(CompensationRecord compensation) {
        return compensation == null
                ? null
                : new CompensationRecord(
                        compensation.compensation(),
                        PayloadBounds.json(compensation.result(), ELIDED),
                        PayloadBounds.text(compensation.error(), ELIDED),
                        compensation.at(),
                        compensation.runs(),
                        compensation.resolvedBy(),
                        PayloadBounds.text(compensation.resolution(), ELIDED));
    }

    private static long pendingBytes(PendingApproval pending) {
        return pending == null
                ? 0
                : 1024 + PayloadBounds.jsonBytes(pending.args()) + PayloadBounds.utf8Length(pending.rationale());
    }

    /** An estimate, from above, of the action's size as JSON. */
    static long bytes(ActionView action) {
        long size = 1024
                + PayloadBounds.jsonBytes(action.args())
                + PayloadBounds.jsonBytes(action.result())
                + PayloadBounds.utf8Length(action.rationale())
                + PayloadBounds.utf8Length(action.error())
                + PayloadBounds.utf8Length(action.reason())
                + PayloadBounds.utf8Length(action.review().comment())
                + 256L * action.notifications().size();
        for (DecisionRecord decision : action.decisions()) {
            size += 128 + PayloadBounds.utf8Length(decision.comment()) + PayloadBounds.jsonBytes(decision.args());
        }
        return size + bytes(action.compensation());
    }

    private static ActionView elided(ActionView action) {
        return new ActionView(
                action.actionId(),
                action.tool(),
                PayloadBounds.json(action.args(), ELIDED),
                action.argsDigest(),
                PayloadBounds.text(action.rationale(), ELIDED),
                action.confidence(),
                action.verdict(),
                action.rule(),
                action.policyHash(),
                PayloadBounds.text(action.reason(), ELIDED),
                action.state(),
                PayloadBounds.json(action.result(), ELIDED),
                PayloadBounds.text(action.error(), ELIDED),
                action.decisions().stream()
                        .map(decision -> new DecisionRecord(
                                decision.reviewer(),
                                decision.decision(),
                                PayloadBounds.text(decision.comment(), ELIDED),
                                decision.at(),
                                PayloadBounds.json(decision.args(), ELIDED)))
                        .toList(),
                action.notifications(),
                action.proposedAt(),
                action.shadow(),
                elided(action.review()),
                elided(action.compensation()),
                action.compensable(),
                action.reviewerGroups());
    }
}
