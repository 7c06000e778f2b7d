package dev.countersign.task;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.payload.Carried;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.review.ActionReview;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * The whole-task rollback: compensates every executed action whose compensation is not spent and
 * whose review is still open, newest first, one at a time under the reviews' lock. Actions that left
 * the state for the archive when the task continued as new stay in the saga as compact {@link
 * Entries}; one is read back from the archive to be compensated.
 */
final class Saga {

    private static final Logger log = Workflow.getLogger(Saga.class);

    /** A compensable action that left the state: its number, grouped by what it needs to be undone. */
    record Group(String tool, String compensation, String rule, List<String> reviewerGroups, List<Long> actions) {}

    /** The compensable actions that left the state, in groups; part of the carried state. */
    @Carried
    static final class Entries {

        private List<Group> groups = new ArrayList<>();

        void add(ActionRecord action) {
            List<String> reviewers = action.reviewerGroups();
            String rule = action.verdict == null ? null : action.verdict.rule();
            for (Group group : groups) {
                if (group.tool().equals(action.call.tool())
                        && group.compensation().equals(action.compensationName)
                        && Objects.equals(group.rule(), rule)
                        && group.reviewerGroups().equals(reviewers)) {
                    group.actions().add(action.number());
                    return;
                }
            }
            List<Long> numbers = new ArrayList<>(List.of(action.number()));
            groups.add(new Group(action.call.tool(), action.compensationName, rule, reviewers, numbers));
        }

        void remove(Group group, long number) {
            group.actions().remove(number);
            if (group.actions().isEmpty()) {
                groups.remove(group);
            }
        }

        boolean isEmpty() {
            return groups.isEmpty();
        }
    }

    /** A saga candidate: a live action, or an archived one by its group and number. */
    private record Candidate(long number, ActionRecord live, Group archived) {}

    private final TaskState state;
    private final ActionReviews reviews;
    private final Compensations compensations;
    private final TaskArchiveActivities archive;

    Saga(TaskState state, ActionReviews reviews, Compensations compensations, TaskArchiveActivities archive) {
        this.state = state;
        this.reviews = reviews;
        this.compensations = compensations;
        this.archive = archive;
    }

    void checkRollback(RollbackRequest request) {
        if (state.answers.earlier(request.rollbackId(), Answers.asked(request)) != null) {
            return;
        }
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
        List<Candidate> candidates = candidates(TaskBoard.now());
        if (candidates.isEmpty()) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOTHING_TO_ROLL_BACK,
                    "task " + state.start.taskId() + " has nothing left to roll back: no executed action with a"
                            + " compensation is still open to review");
        }
        for (Candidate candidate : candidates) {
            List<String> groups = candidate.live() != null
                    ? candidate.live().reviewerGroups()
                    : candidate.archived().reviewerGroups();
            reviews.checkReviewer(
                    ActionIds.id(candidate.number()), groups, request.by(), request.groups(), request.operator());
        }
    }

    RollbackResult rollback(RollbackRequest request) {
        return reviews.guarded(request.rollbackId(), Answers.asked(request), () -> {
            checkRollback(request);
            return run(request.by(), request.comment());
        });
    }

    /** Rolls back what ran when a cancellation asked for it; called from the workflow's main loop. */
    RollbackResult rollBackOnCancel(String by, String comment) {
        return reviews.guarded(null, null, () -> run(by, comment));
    }

    /**
     * Compensates every candidate, newest first. One that fails is left for operators and the saga
     * goes on with the rest: each compensation undoes its own action.
     */
    private RollbackResult run(String by, String comment) {
        List<Candidate> candidates = candidates(TaskBoard.now());
        log.info(
                "task {} rollback by {}: compensating {}",
                state.start.taskId(),
                by,
                candidates.stream().map(c -> ActionIds.id(c.number())).toList());
        List<ReviewResult> results = new ArrayList<>();
        for (Candidate candidate : candidates) {
            ActionRecord action = candidate.live() != null ? candidate.live() : restore(candidate);
            if (action == null) {
                continue;
            }
            compensations.compensate(action, by, comment);
            TaskMetrics.review(action.call.tool(), action.verdict.rule(), ReviewVerdict.ROLLBACK.wireName());
            results.add(reviews.resultOf(action));
        }
        return BoundedView.within(new RollbackResult(state.start.taskId(), results), PayloadBounds.MAX_MESSAGE_BYTES);
    }

    /** Reads an archived action back into the state; null, leaving it in the saga, when the archive fails. */
    private ActionRecord restore(Candidate candidate) {
        String actionId = ActionIds.id(candidate.number());
        try {
            ActionView view = archive.archivedAction(state.start.taskId(), state.firstRunId, actionId);
            ActionRecord action =
                    ActionRecord.restored(view, candidate.archived().compensation());
            state.saga.remove(candidate.archived(), candidate.number());
            state.restore(action);
            return action;
        } catch (ActivityFailure failure) {
            log.warn(
                    "task {} action {} could not be read back from the archive to roll it back: {}",
                    state.start.taskId(),
                    actionId,
                    Failures.rootMessage(failure));
            return null;
        }
    }

    /**
     * Executed actions with a compensation that is not spent, newest first; an action whose review
     * window has closed is accepted and stays.
     */
    private List<Candidate> candidates(Instant now) {
        List<Candidate> candidates = new ArrayList<>();
        for (ActionRecord action : state.actions) {
            if (action.state == ActionState.EXECUTED && action.compensationName != null && stillOpen(action, now)) {
                candidates.add(new Candidate(action.number(), action, null));
            }
        }
        for (Group group : state.saga.groups) {
            group.actions().forEach(number -> candidates.add(new Candidate(number, null, group)));
        }
        candidates.sort(Comparator.comparingLong(Candidate::number).reversed());
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
}
