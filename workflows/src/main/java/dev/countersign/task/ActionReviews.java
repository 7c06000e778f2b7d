package dev.countersign.task;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.ReviewPlan;
import dev.countersign.review.ActionReview;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.CompensationRecord;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Post-action review inside the task workflow: opens review windows on executed actions, checks and
 * applies verdicts, runs compensations (one at a time, under one lock, each with its own idempotency
 * key) and the saga of a whole-task rollback, and tells the workflow when nothing holds the task open
 * any more. Workflow code only: the checks are pure so validators can run them.
 *
 * <p>Who may review an action: an operator, or a member of any group of the approval tiers its
 * verdict named, and never the task's requester. A sampled AUTO action names no tiers, so operators
 * review it.
 */
final class ActionReviews {

    private static final Logger log = Workflow.getLogger(ActionReviews.class);

    private final TaskState state;
    private final ToolActivities compensations;
    private final Function<Throwable, String> describe;
    private final Runnable changed;
    private final WorkflowLock lock = Workflow.newWorkflowLock();
    private int inFlight;

    ActionReviews(
            TaskState state, ToolActivities compensations, Function<Throwable, String> describe, Runnable changed) {
        this.state = state;
        this.compensations = compensations;
        this.describe = describe;
        this.changed = changed;
    }

    /** Opens the review window of an action that just ran, when its rule asks for review. */
    void open(ActionRecord action, Instant now) {
        ReviewPlan plan = action.verdict == null ? null : action.verdict.review();
        if (plan == null || !plan.reviews(action.verdict.outcome())) {
            return;
        }
        ReviewState opened = action.verdict.outcome() == Outcome.AUTO ? ReviewState.SAMPLED : ReviewState.AWAITING;
        action.review = ActionReview.opened(opened, now.plus(plan.window()), reviewerGroups(action));
        log.info(
                "task {} action {} is {} for review until {}",
                state.start.taskId(),
                action.actionId,
                opened,
                action.review.windowEndsAt());
    }

    /** Whether something keeps the task open: an open window, a failed rollback, or a verdict being applied. */
    boolean holding(Instant now) {
        return inFlight > 0 || needsAttention() || state.actions.stream().anyMatch(a -> a.review.openAt(now));
    }

    boolean needsAttention() {
        return state.actions.stream().anyMatch(a -> a.review.state() == ReviewState.ROLLBACK_FAILED);
    }

    /** When the next open review window closes; null when none is open. */
    Instant nextWindowEnd(Instant now) {
        return state.actions.stream()
                .filter(a -> a.review.openAt(now))
                .map(a -> a.review.windowEndsAt())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    // --- single-action verdicts

    ReviewResult earlierReview(ReviewRequest request) {
        return earlier(
                state.reviewsById.get(request.reviewId()),
                state.reviewRequestsById.get(request.reviewId()),
                request.reviewer() + "\n" + request.actionId(),
                request.reviewId());
    }

    void checkReview(ReviewRequest request, Instant now) {
        ActionRecord action = known(request.actionId());
        checkReviewer(action, request.reviewer(), request.reviewerGroups(), request.operator());
        if (request.verdict() == ReviewVerdict.FLAG && request.comment().isBlank()) {
            throw DecisionRefusal.of(DecisionRefusal.INVALID_DECISION, "a flag needs a comment saying what is wrong");
        }
        ActionReview review = action.review;
        switch (review.state()) {
            case NONE ->
                throw DecisionRefusal.of(
                        DecisionRefusal.NOT_UNDER_REVIEW,
                        "action " + action.actionId + " (" + action.call.tool() + ") is not under review: "
                                + (action.state == ActionState.EXECUTED
                                        ? "its rule asks for no review"
                                        : "it did not run (" + action.state + ")"));
            case SAMPLED, AWAITING -> {
                if (!review.openAt(now)) {
                    throw DecisionRefusal.of(
                            DecisionRefusal.REVIEW_WINDOW_CLOSED,
                            "the review window of action " + action.actionId + " closed at " + review.windowEndsAt());
                }
            }
            default ->
                throw DecisionRefusal.of(
                        DecisionRefusal.ALREADY_REVIEWED,
                        "action " + action.actionId + " was already reviewed: " + review.state() + " by "
                                + review.reviewer() + " at " + review.at());
        }
        if (request.verdict() == ReviewVerdict.ROLLBACK) {
            requireCompensation(action);
        }
    }

    ReviewResult review(ReviewRequest request) {
        ReviewResult earlier = earlierReview(request);
        if (earlier != null) {
            return earlier;
        }
        inFlight++;
        lock.lock();
        try {
            earlier = earlierReview(request);
            if (earlier != null) {
                return earlier;
            }
            checkReview(request, now());
            ActionRecord action = state.action(request.actionId());
            switch (request.verdict()) {
                case OK ->
                    action.review = action.review.with(ReviewState.OK, request.reviewer(), now(), request.comment());
                case FLAG ->
                    action.review =
                            action.review.with(ReviewState.FLAGGED, request.reviewer(), now(), request.comment());
                case ROLLBACK -> compensate(action, request.reviewer(), request.comment());
            }
            TaskMetrics.review(
                    action.call.tool(), action.verdict.rule(), request.verdict().wireName());
            log.info(
                    "task {} action {} reviewed: {} by {} -> {}",
                    state.start.taskId(),
                    action.actionId,
                    request.verdict().wireName(),
                    request.reviewer(),
                    action.review.state());
            ReviewResult result = resultOf(action);
            state.reviewsById.put(request.reviewId(), result);
            state.reviewRequestsById.put(request.reviewId(), request.reviewer() + "\n" + request.actionId());
            return result;
        } finally {
            lock.unlock();
            inFlight--;
            changed.run();
        }
    }

    // --- whole-task rollback (saga)

    RollbackResult earlierRollback(RollbackRequest request) {
        return earlier(
                state.rollbacksById.get(request.rollbackId()),
                state.rollbackRequestsById.get(request.rollbackId()),
                request.by(),
                request.rollbackId());
    }

    void checkRollback(RollbackRequest request, Instant now) {
        if (state.status.closed()) {
            throw DecisionRefusal.of(DecisionRefusal.NOT_APPLICABLE, "the task has ended: " + state.status);
        }
        if (!state.agentEnded) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    "the agent is still working; cancel the task with rollback to stop it and undo what ran");
        }
        if (request.by().equals(state.start.requester())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.REQUESTER_CANNOT_DECIDE,
                    request.by() + " requested this task and may not review or roll it back");
        }
        List<ActionRecord> candidates = rollbackCandidates(now);
        if (candidates.isEmpty()) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOTHING_TO_ROLL_BACK,
                    "task " + state.start.taskId() + " has nothing left to roll back: no executed action with a"
                            + " compensation is still open to review");
        }
        for (ActionRecord action : candidates) {
            checkReviewer(action, request.by(), request.groups(), request.operator());
        }
    }

    RollbackResult rollback(RollbackRequest request) {
        RollbackResult earlier = earlierRollback(request);
        if (earlier != null) {
            return earlier;
        }
        inFlight++;
        lock.lock();
        try {
            earlier = earlierRollback(request);
            if (earlier != null) {
                return earlier;
            }
            checkRollback(request, now());
            RollbackResult result = runSaga(request.by(), request.comment());
            state.rollbacksById.put(request.rollbackId(), result);
            state.rollbackRequestsById.put(request.rollbackId(), request.by());
            return result;
        } finally {
            lock.unlock();
            inFlight--;
            changed.run();
        }
    }

    /** Rolls back what ran when a cancellation asked for it; called from the workflow's main loop. */
    RollbackResult rollBackOnCancel(String by, String comment) {
        inFlight++;
        lock.lock();
        try {
            return runSaga(by, comment);
        } finally {
            lock.unlock();
            inFlight--;
            changed.run();
        }
    }

    /**
     * Compensates every candidate, newest first. One that fails is left for operators and the saga
     * goes on with the rest: each compensation undoes its own action.
     */
    private RollbackResult runSaga(String by, String comment) {
        List<ActionRecord> candidates = rollbackCandidates(now());
        log.info(
                "task {} rollback by {}: compensating {}",
                state.start.taskId(),
                by,
                candidates.stream().map(a -> a.actionId).toList());
        List<ReviewResult> results = new ArrayList<>();
        for (ActionRecord action : candidates) {
            compensate(action, by, comment);
            TaskMetrics.review(action.call.tool(), action.verdict.rule(), ReviewVerdict.ROLLBACK.wireName());
            results.add(resultOf(action));
        }
        return BoundedView.within(new RollbackResult(state.start.taskId(), results), PayloadBounds.MAX_MESSAGE_BYTES);
    }

    /**
     * Executed actions with a compensation that is not spent, newest first; an action whose review
     * window has closed is accepted and stays.
     */
    private List<ActionRecord> rollbackCandidates(Instant now) {
        List<ActionRecord> candidates = new ArrayList<>();
        for (int i = state.actions.size() - 1; i >= 0; i--) {
            ActionRecord action = state.actions.get(i);
            if (action.state == ActionState.EXECUTED && action.compensationName != null && stillOpen(action, now)) {
                candidates.add(action);
            }
        }
        return candidates;
    }

    private static boolean stillOpen(ActionRecord action, Instant now) {
        ActionReview review = action.review;
        return switch (review.state()) {
            case NONE -> true;
            case SAMPLED, AWAITING -> review.openAt(now);
            case OK, FLAGGED -> review.windowEndsAt() == null || now.isBefore(review.windowEndsAt());
            case ROLLED_BACK, ROLLBACK_FAILED -> false;
        };
    }

    // --- operators: failed compensations

    ReviewResult earlierAttention(AttentionRequest request) {
        return earlier(
                state.reviewsById.get(request.requestId()),
                state.reviewRequestsById.get(request.requestId()),
                request.operatorName() + "\n" + request.actionId(),
                request.requestId());
    }

    void checkAttention(AttentionRequest request) {
        ActionRecord action = known(request.actionId());
        if (!request.operator()) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_ALLOWED_TO_REVIEW,
                    request.operatorName() + " is not an operator; only operators retry or resolve compensations");
        }
        if (action.review.state() != ReviewState.ROLLBACK_FAILED) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    "action " + action.actionId + " needs no attention: its review is " + action.review.state());
        }
        if (request.kind() == AttentionKind.RESOLVE && request.comment().isBlank()) {
            throw DecisionRefusal.of(
                    DecisionRefusal.INVALID_DECISION, "resolving by hand needs a comment saying what was done");
        }
    }

    ReviewResult attend(AttentionRequest request) {
        ReviewResult earlier = earlierAttention(request);
        if (earlier != null) {
            return earlier;
        }
        inFlight++;
        lock.lock();
        try {
            earlier = earlierAttention(request);
            if (earlier != null) {
                return earlier;
            }
            checkAttention(request);
            ActionRecord action = state.action(request.actionId());
            if (request.kind() == AttentionKind.RETRY) {
                compensate(action, request.operatorName(), request.comment());
            } else {
                action.compensation = action.compensation.resolvedBy(request.operatorName(), request.comment(), now());
                action.review =
                        action.review.with(ReviewState.ROLLED_BACK, request.operatorName(), now(), request.comment());
                TaskMetrics.rollback(action.call.tool(), "resolved");
                log.info(
                        "task {} action {}: failed compensation resolved by hand by {}",
                        state.start.taskId(),
                        action.actionId,
                        request.operatorName());
            }
            ReviewResult result = resultOf(action);
            state.reviewsById.put(request.requestId(), result);
            state.reviewRequestsById.put(request.requestId(), request.operatorName() + "\n" + request.actionId());
            return result;
        } finally {
            lock.unlock();
            inFlight--;
            changed.run();
        }
    }

    // --- shared

    /**
     * Runs the action's compensation once more with the same idempotency key; the tool applies it at
     * most once however often it is asked.
     */
    private void compensate(ActionRecord action, String by, String comment) {
        String taskId = state.start.taskId();
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
                    action.compensationName, result.output(), now(), action.compensationRuns);
            action.review = action.review.with(ReviewState.ROLLED_BACK, by, now(), comment);
            TaskMetrics.rollback(action.call.tool(), "rolled_back");
            log.info("task {} action {} rolled back by {} ({})", taskId, action.actionId, by, action.compensationName);
        } catch (ActivityFailure failure) {
            String error = describe.apply(failure);
            action.compensation =
                    CompensationRecord.failed(action.compensationName, error, now(), action.compensationRuns);
            action.review = action.review.with(ReviewState.ROLLBACK_FAILED, by, now(), comment);
            TaskMetrics.compensationFailure(action.call.tool());
            log.warn(
                    "task {} action {}: compensation {} failed after its retries, operators must act: {}",
                    taskId,
                    action.actionId,
                    action.compensationName,
                    error);
        }
    }

    private void checkReviewer(ActionRecord action, String reviewer, Set<String> groups, boolean operator) {
        if (reviewer.equals(state.start.requester())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.REQUESTER_CANNOT_DECIDE,
                    reviewer + " requested this task and may not review its actions");
        }
        if (operator) {
            return;
        }
        List<String> reviewers = reviewerGroups(action);
        if (reviewers.stream().noneMatch(groups::contains)) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_ALLOWED_TO_REVIEW,
                    reviewer + " may not review action " + action.actionId + ": it is reviewed by operators"
                            + (reviewers.isEmpty() ? "" : " and " + reviewers));
        }
    }

    /** The groups that may review an action besides operators: those of its verdict's tiers. */
    static List<String> reviewerGroups(ActionRecord action) {
        if (action.verdict == null) {
            return List.of();
        }
        return action.verdict.tiers().stream()
                .map(ApprovalTier::groups)
                .flatMap(List::stream)
                .distinct()
                .toList();
    }

    private void requireCompensation(ActionRecord action) {
        if (action.compensationName == null) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NO_COMPENSATION,
                    "action " + action.actionId + " cannot be rolled back: " + action.call.tool()
                            + " declares no compensation or is irreversible");
        }
    }

    private ActionRecord known(String actionId) {
        ActionRecord action = state.findAction(actionId);
        if (action == null) {
            throw DecisionRefusal.of(
                    DecisionRefusal.UNKNOWN_ACTION, "task " + state.start.taskId() + " has no action " + actionId);
        }
        return action;
    }

    private ReviewResult resultOf(ActionRecord action) {
        return new ReviewResult(state.start.taskId(), action.actionId, action.review, action.compensation);
    }

    /** The answer already given to this request id, or null; an id reused for something else is refused. */
    private static <T> T earlier(T answer, String firstCaller, String caller, String id) {
        if (firstCaller == null) {
            return null;
        }
        if (!Objects.equals(firstCaller, caller)) {
            throw DecisionRefusal.of(
                    DecisionRefusal.INVALID_DECISION, "request id " + id + " was already used for another request");
        }
        return answer;
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
