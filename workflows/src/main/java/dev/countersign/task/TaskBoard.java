package dev.countersign.task;

import dev.countersign.approval.PendingApproval;
import dev.countersign.review.ReviewState;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Makes a change to the task visible: the time it was last updated, and the search attributes the
 * inbox finds pending work by (status, the groups that may act now, the oldest pending approval's
 * tool and quorum), upserted only when they change. Every part of the workflow reports its changes
 * here. Workflow code only.
 */
final class TaskBoard {

    private static final Logger log = Workflow.getLogger(TaskBoard.class);

    /** Since this version the task also publishes who may review its executed actions. */
    static final String REVIEW_SEARCH_ATTRIBUTE = "review-search-attribute";

    /** Since this version the task also publishes its pending approvals in its memo ({@link InboxMemo}). */
    static final String INBOX_MEMO = "inbox-memo";

    private final TaskState state;
    private List<Object> published = List.of();
    private Boolean publishesReviews;
    private List<PendingApproval> inMemo = List.of();
    private Boolean publishesInboxMemo;

    TaskBoard(TaskState state) {
        this.state = state;
    }

    static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    void touch() {
        state.updatedAt = now();
        publish();
    }

    /**
     * Sets the task's status; an external task whose calls wait side by side stays awaiting approval
     * while any of them does.
     */
    void status(TaskStatus status) {
        boolean othersWait = status == TaskStatus.RUNNING
                && state.start.external()
                && !state.pendingApprovals().isEmpty();
        state.status = othersWait ? TaskStatus.AWAITING_APPROVAL : status;
        touch();
    }

    void finish(TaskStatus status, String summary) {
        state.summary = summary;
        status(status);
        log.info("task {} ended {}: {}", state.start.taskId(), status, summary);
    }

    private void publish() {
        List<PendingApproval> pending = state.pendingApprovals();
        publishMemo(pending);
        PendingApproval oldest = pending.isEmpty() ? null : pending.get(0);
        List<String> groups = pending.stream()
                .flatMap(approval -> approval.groups().stream())
                .distinct()
                .toList();
        List<Object> values = new ArrayList<>(
                oldest == null
                        ? List.of(state.status)
                        : List.of(state.status, groups, oldest.tool(), oldest.required()));
        boolean reviews = publishesReviews();
        List<ActionRecord> awaitingReview =
                reviews ? state.actions.stream().filter(TaskBoard::awaitsReview).toList() : List.of();
        List<String> reviewGroups = awaitingReview.stream()
                .flatMap(action -> action.review.groups().stream())
                .distinct()
                .sorted()
                .toList();
        if (reviews) {
            values.add(!awaitingReview.isEmpty());
            values.add(reviewGroups);
        }
        if (Objects.equals(values, published)) {
            return;
        }
        published = values;
        List<SearchAttributeUpdate<?>> updates = new ArrayList<>(TaskSearchAttributes.of(
                state.status,
                state.start.requester(),
                oldest == null ? null : oldest.tool(),
                groups,
                oldest == null ? 0 : oldest.required()));
        if (reviews) {
            updates.add(TaskSearchAttributes.reviews(!awaitingReview.isEmpty(), reviewGroups));
        }
        Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate[]::new));
    }

    /**
     * Publishes the pending approvals in the memo when they changed (a new one, an approval given, a
     * tier escalated, a decision); a task that never waits for anyone never writes one. A new run
     * (continue-as-new) publishes what it carries on its first change.
     */
    private void publishMemo(List<PendingApproval> pending) {
        if (pending.equals(inMemo) || !publishesInboxMemo()) {
            return;
        }
        inMemo = pending;
        Workflow.upsertMemo(Map.of(InboxMemo.KEY, InboxMemo.of(pending)));
    }

    /** Tasks that ran before this version publish no memo, so their histories replay. */
    private boolean publishesInboxMemo() {
        if (publishesInboxMemo == null) {
            publishesInboxMemo = Workflow.getVersion(INBOX_MEMO, Workflow.DEFAULT_VERSION, 1) == 1;
        }
        return publishesInboxMemo;
    }

    /**
     * Whether an operator or a reviewer must look at the action: its review window is open (closed
     * windows are told apart by the readers, which know the time), its rollback failed, or its
     * outcome is unknown.
     */
    private static boolean awaitsReview(ActionRecord action) {
        return action.review.state().open()
                || action.review.state() == ReviewState.ROLLBACK_FAILED
                || action.state == ActionState.OUTCOME_UNKNOWN;
    }

    /** Tasks that ran before this version keep publishing what they did, so their histories replay. */
    private boolean publishesReviews() {
        if (publishesReviews == null) {
            publishesReviews = Workflow.getVersion(REVIEW_SEARCH_ATTRIBUTE, Workflow.DEFAULT_VERSION, 1) == 1;
        }
        return publishesReviews;
    }
}
