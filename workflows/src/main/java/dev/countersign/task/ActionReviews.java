package dev.countersign.task;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.SlaTimer;
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
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Post-action review inside the task workflow: opens review windows on executed actions, checks and
 * applies verdicts and operators' requests (one at a time, under one lock, each answered once), and
 * keeps the task open after the agent stopped while a window is open or a failed compensation waits
 * for operators. Workflow code only: the checks are pure so validators can run them.
 *
 * <p>Who may review an action: an operator, or a member of any group of the approval tiers its
 * verdict named, and never the task's requester. A sampled AUTO action names no tiers, so operators
 * review it.
 */
final class ActionReviews {

    private static final Logger log = Workflow.getLogger(ActionReviews.class);

    private final TaskState state;
    private final TaskBoard board;
    private final Compensations compensations;
    private final UnknownOutcomes unknownOutcomes;
    private final ReviewerAlerts alerts;
    private final WorkflowLock lock = Workflow.newWorkflowLock();
    private int inFlight;

    ActionReviews(
            TaskState state,
            TaskBoard board,
            Compensations compensations,
            UnknownOutcomes unknownOutcomes,
            ReviewerAlerts alerts) {
        this.state = state;
        this.board = board;
        this.compensations = compensations;
        this.unknownOutcomes = unknownOutcomes;
        this.alerts = alerts;
    }

    /** Opens the review window of an action that just ran, when its rule asks for review. */
    void open(ActionRecord action) {
        ReviewPlan plan = action.verdict == null ? null : action.verdict.review();
        if (plan == null || !plan.reviews(action.verdict.outcome())) {
            return;
        }
        ReviewState opened = action.verdict.outcome() == Outcome.AUTO ? ReviewState.SAMPLED : ReviewState.AWAITING;
        action.review = ActionReview.opened(opened, TaskBoard.now().plus(plan.window()), action.reviewerGroups());
        log.info(
                "task {} action {} is {} for review until {}",
                state.start.taskId(),
                action.actionId,
                opened,
                action.review.windowEndsAt());
    }

    /**
     * Keeps the task open after the agent stopped while a review window is open, a verdict is being
     * applied, or a failed compensation waits for operators; then restores the status it ended with.
     */
    void holdOpen() {
        state.agentEnded = true;
        if (!holding()) {
            return;
        }
        TaskStatus ending = state.status;
        changed();
        while (holding()) {
            SlaTimer.awaitUntil(this::nextWindowEnd, () -> !holding());
            changed();
        }
        board.status(ending);
        log.info("task {} left review, ended {}", state.start.taskId(), ending);
    }

    /** Whether something keeps the task open: an open window, a failed rollback, or a verdict being applied. */
    boolean holding() {
        Instant now = TaskBoard.now();
        return inFlight > 0 || needsAttention() || state.actions.stream().anyMatch(a -> a.review.openAt(now));
    }

    private boolean needsAttention() {
        return state.actions.stream().anyMatch(a -> a.review.state() == ReviewState.ROLLBACK_FAILED);
    }

    private Instant nextWindowEnd() {
        Instant now = TaskBoard.now();
        return state.actions.stream()
                .filter(a -> a.review.openAt(now))
                .map(a -> a.review.windowEndsAt())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** After a verdict: the status shows whether operators must act, once only review remains. */
    private void changed() {
        if (state.agentEnded && holding()) {
            state.status = needsAttention() ? TaskStatus.NEEDS_ATTENTION : TaskStatus.IN_REVIEW;
        }
        board.touch();
    }

    /**
     * Applies a request once, under the lock, keeping the task open while it runs; {@code id} null
     * for the workflow's own (a rollback on cancel).
     */
    <T> T guarded(String id, Answers.Asked asked, Supplier<T> apply) {
        inFlight++;
        try {
            if (id == null) {
                lock.lock();
                try {
                    return apply.get();
                } finally {
                    lock.unlock();
                }
            }
            return state.answers.once(id, asked, lock, apply);
        } finally {
            inFlight--;
            changed();
        }
    }

    // --- single-action verdicts

    void checkReview(ReviewRequest request) {
        if (state.answers.earlier(request.reviewId(), Answers.asked(request)) != null) {
            return;
        }
        ActionRecord action = known(request.actionId());
        checkReviewer(
                action.actionId,
                action.reviewerGroups(),
                request.reviewer(),
                request.reviewerGroups(),
                request.operator());
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
                if (!review.openAt(TaskBoard.now())) {
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
        if (request.verdict() == ReviewVerdict.ROLLBACK && action.compensationName == null && !action.agentRuns) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NO_COMPENSATION,
                    "action " + action.actionId + " cannot be rolled back: " + action.call.tool()
                            + " declares no compensation or is irreversible");
        }
    }

    ReviewResult review(ReviewRequest request) {
        return guarded(request.reviewId(), Answers.asked(request), () -> {
            checkReview(request);
            ActionRecord action = state.action(request.actionId());
            switch (request.verdict()) {
                case OK ->
                    action.review =
                            action.review.with(ReviewState.OK, request.reviewer(), TaskBoard.now(), request.comment());
                case FLAG ->
                    action.review = action.review.with(
                            ReviewState.FLAGGED, request.reviewer(), TaskBoard.now(), request.comment());
                case ROLLBACK -> {
                    if (action.agentRuns) {
                        toOperators(action, request.reviewer(), request.comment());
                    } else {
                        compensations.compensate(action, request.reviewer(), request.comment());
                    }
                }
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
            return resultOf(action);
        });
    }

    /**
     * A rollback verdict on a call the agent ran itself (the gate API): Countersign has no compensation
     * to run, so the verdict is recorded, the action waits for an operator to undo it by hand and
     * resolve it, as a compensation that failed does, and the agent's callback URL, if it gave one, is
     * told without waiting.
     */
    private void toOperators(ActionRecord action, String reviewer, String comment) {
        Instant now = TaskBoard.now();
        action.compensation = CompensationRecord.failed(
                "undo by hand",
                "the agent ran " + action.call.tool() + " itself, so Countersign has nothing to run to undo it;"
                        + " an operator must undo it and resolve it here",
                now,
                0);
        action.review = action.review.with(ReviewState.ROLLBACK_FAILED, reviewer, now, comment);
        TaskMetrics.rollback(action.call.tool(), "to_operators");
        alerts.rollbackRequested(state.start.taskId(), action, reviewer, comment);
        log.info(
                "task {} action {}: rollback asked by {} of a call its agent ran; waits for an operator",
                state.start.taskId(),
                action.actionId,
                reviewer);
    }

    // --- operators: failed compensations and calls of unknown outcome

    void checkAttention(AttentionRequest request) {
        if (state.answers.earlier(request.requestId(), Answers.asked(request)) != null) {
            return;
        }
        ActionRecord action = known(request.actionId());
        if (!request.operator()) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_ALLOWED_TO_REVIEW,
                    request.operatorName() + " is not an operator; only operators retry or resolve compensations"
                            + " and say whether a call of unknown outcome was done");
        }
        if (request.kind().settlesOutcome()) {
            unknownOutcomes.check(action, request);
            return;
        }
        if (action.review.state() != ReviewState.ROLLBACK_FAILED) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    action.state == ActionState.OUTCOME_UNKNOWN
                            ? "action " + action.actionId + " has no failed compensation: its outcome is unknown;"
                                    + " say whether it was done (done or not-done)"
                            : "action " + action.actionId + " needs no attention: its review is "
                                    + action.review.state());
        }
        if (request.kind() == AttentionKind.RETRY && action.agentRuns) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NO_COMPENSATION,
                    "action " + action.actionId + " was run by its agent: there is no compensation to retry; undo it"
                            + " by hand and resolve it");
        }
        if (request.kind() == AttentionKind.RESOLVE && request.comment().isBlank()) {
            throw DecisionRefusal.of(
                    DecisionRefusal.INVALID_DECISION, "resolving by hand needs a comment saying what was done");
        }
    }

    ReviewResult attend(AttentionRequest request) {
        return guarded(request.requestId(), Answers.asked(request), () -> {
            checkAttention(request);
            ActionRecord action = state.action(request.actionId());
            String operator = request.operatorName();
            if (request.kind().settlesOutcome()) {
                unknownOutcomes.settle(action, request);
            } else if (request.kind() == AttentionKind.RETRY) {
                compensations.compensate(action, operator, request.comment());
            } else {
                Instant now = TaskBoard.now();
                action.compensation = action.compensation.resolvedBy(operator, request.comment(), now);
                action.review = action.review.with(ReviewState.ROLLED_BACK, operator, now, request.comment());
                TaskMetrics.rollback(action.call.tool(), "resolved");
                log.info(
                        "task {} action {}: failed compensation resolved by hand by {}",
                        state.start.taskId(),
                        action.actionId,
                        operator);
            }
            return resultOf(action);
        });
    }

    // --- shared

    void checkReviewer(String actionId, List<String> reviewers, String reviewer, Set<String> groups, boolean operator) {
        if (reviewer.equals(state.start.requester())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.REQUESTER_CANNOT_DECIDE,
                    reviewer + " requested this task and may not review its actions");
        }
        if (!operator && reviewers.stream().noneMatch(groups::contains)) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_ALLOWED_TO_REVIEW,
                    reviewer + " may not review action " + actionId + ": it is reviewed by operators"
                            + (reviewers.isEmpty() ? "" : " and " + reviewers));
        }
    }

    private ActionRecord known(String actionId) {
        ActionRecord action = state.findAction(actionId);
        if (action != null) {
            return action;
        }
        if (ActionIds.number(actionId) > 0 && ActionIds.number(actionId) <= state.lastActionNumber) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_UNDER_REVIEW,
                    "action " + actionId + " is no longer under review: its review ended before the task"
                            + " continued as new");
        }
        throw DecisionRefusal.of(
                DecisionRefusal.UNKNOWN_ACTION, "task " + state.start.taskId() + " has no action " + actionId);
    }

    ReviewResult resultOf(ActionRecord action) {
        return new ReviewResult(state.start.taskId(), action.actionId, action.review, action.compensation);
    }
}
