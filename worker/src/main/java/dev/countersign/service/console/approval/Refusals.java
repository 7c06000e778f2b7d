package dev.countersign.service.console.approval;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.DecisionRefused;
import dev.countersign.service.api.RefusalStatus;
import org.springframework.http.HttpStatus;

/**
 * What a reviewer reads when the workflow refuses a decision or a review, for each refusal type, and the status
 * the page answers with (the same as the REST API's). The workflow's own message follows where it
 * adds something the reviewer can use.
 */
public final class Refusals {

    private Refusals() {}

    public static HttpStatus status(DecisionRefused refused) {
        HttpStatus status = RefusalStatus.of(refused.type());
        return status == null ? HttpStatus.CONFLICT : status;
    }

    /** True when the reviewer should reload the page: what they saw is no longer what is pending. */
    public static boolean staleView(DecisionRefused refused) {
        return DecisionRefusal.STALE_ARGS.equals(refused.type())
                || DecisionRefusal.ALREADY_DECIDED.equals(refused.type())
                || DecisionRefusal.UNKNOWN_APPROVAL.equals(refused.type())
                || DecisionRefusal.IDEMPOTENCY_KEY_REUSED.equals(refused.type());
    }

    public static String message(DecisionRefused refused) {
        String detail = refused.getMessage() == null ? "" : refused.getMessage();
        String type = refused.type() == null ? "" : refused.type();
        return switch (type) {
            case DecisionRefusal.STALE_ARGS ->
                "The call changed since you opened it, so your decision was not recorded. "
                        + "Reload the page to see the current arguments, then decide again.";
            case DecisionRefusal.ALREADY_DECIDED ->
                "This approval was already decided by someone else; your decision was not recorded.";
            case DecisionRefusal.UNKNOWN_APPROVAL -> "This approval is no longer pending; nothing was recorded.";
            case DecisionRefusal.NOT_AN_APPROVER ->
                "You may not decide this approval: it waits for reviewers of other groups (" + detail + ").";
            case DecisionRefusal.ALREADY_APPROVED_BY_REVIEWER ->
                "You already approved this call. It now waits for a different approver.";
            case DecisionRefusal.REQUESTER_CANNOT_DECIDE ->
                "You started this task, so you cannot decide on it. Ask another reviewer.";
            case DecisionRefusal.INVALID_DECISION -> "The decision is not valid: " + detail;
            case DecisionRefusal.EDIT_DENIED -> "The policy refuses the edited call: " + detail;
            case DecisionRefusal.NOT_APPLICABLE -> "This no longer applies: the task has moved on (" + detail + ").";
            case DecisionRefusal.UNKNOWN_ACTION -> "The task has no such action; nothing was recorded.";
            case DecisionRefusal.NOT_ALLOWED_TO_REVIEW -> "You may not review this action (" + detail + ").";
            case DecisionRefusal.REVIEW_WINDOW_CLOSED ->
                "The review window of this action has closed, so it takes no more verdicts.";
            case DecisionRefusal.ALREADY_REVIEWED -> "Someone already reviewed this action; nothing was recorded.";
            case DecisionRefusal.NOT_UNDER_REVIEW -> "This action is not under review.";
            case DecisionRefusal.NO_COMPENSATION ->
                "This action's tool has no compensation, so it cannot be rolled back here (" + detail + ").";
            case DecisionRefusal.IDEMPOTENCY_KEY_REUSED ->
                "This form was already used for another decision, which stands; nothing new was recorded. "
                        + "Reload the page to decide again.";
            default -> "The decision was refused: " + detail;
        };
    }
}
