package dev.countersign.approval;

import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.function.Function;

/**
 * Why a decision, an answer, a cancellation, a review or a rollback was refused. Each reason is its
 * own exception type because SDK 1.38.0 reports a validator's refusal by the exception's class name
 * and drops an ApplicationFailure's own type there (ValidatorApplicationFailureLosesItsTypeTest in
 * workflows' tests shows it; sdk-java issue #2875, fixed upstream by pull request #3001, which
 * 1.38.0 does not contain). Handlers report the same reason as an {@link ApplicationFailure} whose
 * type is the simple name. {@link #typeOf} reads either form back. A refused decision changes
 * nothing.
 */
public final class DecisionRefusal {

    /** No pending approval has this id (404). */
    public static final String UNKNOWN_APPROVAL = "UnknownApproval";
    /** The approval was already decided (409). */
    public static final String ALREADY_DECIDED = "ApprovalAlreadyDecided";
    /** The arguments changed since the reviewer saw them (409). */
    public static final String STALE_ARGS = "StaleArgsDigest";
    /** The reviewer may not decide this approval (403). */
    public static final String NOT_AN_APPROVER = "NotAnApprover";
    /** The reviewer already approved and must wait for someone else (403). */
    public static final String ALREADY_APPROVED_BY_REVIEWER = "AlreadyApprovedByReviewer";
    /** The requester may never decide on their own task (403). */
    public static final String REQUESTER_CANNOT_DECIDE = "RequesterCannotDecide";
    /** The decision itself is malformed, or edited arguments fail the tool's schema (400). */
    public static final String INVALID_DECISION = "InvalidDecision";
    /** The policy refuses the edited arguments outright (400). */
    public static final String EDIT_DENIED = "EditDeniedByPolicy";
    /** The task is not in a state where this request applies (409). */
    public static final String NOT_APPLICABLE = "NotApplicable";
    /** The task has no action with this id (404). */
    public static final String UNKNOWN_ACTION = "UnknownAction";
    /** The caller may not review this action, or act as an operator (403). */
    public static final String NOT_ALLOWED_TO_REVIEW = "NotAllowedToReview";
    /** The action's review window has closed (409). */
    public static final String REVIEW_WINDOW_CLOSED = "ReviewWindowClosed";
    /** The action already has a verdict (409). */
    public static final String ALREADY_REVIEWED = "AlreadyReviewed";
    /** The action is not under review: it did not run, or its rule asks for no review (409). */
    public static final String NOT_UNDER_REVIEW = "NotUnderReview";
    /** The action's tool declares no compensation, or declares itself irreversible (409). */
    public static final String NO_COMPENSATION = "NoCompensation";
    /** A whole-task rollback found nothing left to roll back (409). */
    public static final String NOTHING_TO_ROLL_BACK = "NothingToRollBack";
    /**
     * The reviewer's decision id (the API's Idempotency-Key) was used for a different decision on
     * this approval; a retry must repeat the first decision, a new decision needs a new key (422).
     */
    public static final String IDEMPOTENCY_KEY_REUSED = "IdempotencyKeyReused";

    /** A comment, an answer or edited arguments larger than a task keeps (413). */
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";

    private static final Map<String, Function<String, Refused>> BY_TYPE = Map.ofEntries(
            Map.entry(PAYLOAD_TOO_LARGE, PayloadTooLarge::new),
            Map.entry(UNKNOWN_APPROVAL, UnknownApproval::new),
            Map.entry(ALREADY_DECIDED, ApprovalAlreadyDecided::new),
            Map.entry(STALE_ARGS, StaleArgsDigest::new),
            Map.entry(NOT_AN_APPROVER, NotAnApprover::new),
            Map.entry(ALREADY_APPROVED_BY_REVIEWER, AlreadyApprovedByReviewer::new),
            Map.entry(REQUESTER_CANNOT_DECIDE, RequesterCannotDecide::new),
            Map.entry(INVALID_DECISION, InvalidDecision::new),
            Map.entry(EDIT_DENIED, EditDeniedByPolicy::new),
            Map.entry(NOT_APPLICABLE, NotApplicable::new),
            Map.entry(UNKNOWN_ACTION, UnknownAction::new),
            Map.entry(NOT_ALLOWED_TO_REVIEW, NotAllowedToReview::new),
            Map.entry(REVIEW_WINDOW_CLOSED, ReviewWindowClosed::new),
            Map.entry(ALREADY_REVIEWED, AlreadyReviewed::new),
            Map.entry(NOT_UNDER_REVIEW, NotUnderReview::new),
            Map.entry(NO_COMPENSATION, NoCompensation::new),
            Map.entry(NOTHING_TO_ROLL_BACK, NothingToRollBack::new),
            Map.entry(IDEMPOTENCY_KEY_REUSED, IdempotencyKeyReused::new));

    private DecisionRefusal() {}

    /** The refusal of this type, to throw from a validator or (as a failure) from a handler. */
    public static Refused of(String type, String message) {
        Function<String, Refused> factory = BY_TYPE.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("no refusal type " + type);
        }
        return factory.apply(message);
    }

    /**
     * The refusal type named by a failure type, whether it came from a validator (a class name) or
     * a handler (the simple name); null when it names no refusal.
     */
    public static String typeOf(String failureType) {
        if (failureType == null) {
            return null;
        }
        String simple = failureType.substring(Math.max(failureType.lastIndexOf('.'), failureType.lastIndexOf('$')) + 1);
        return BY_TYPE.containsKey(simple) ? simple : null;
    }

    /** A refused request; its simple class name is its type. */
    public abstract static class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }

        public String type() {
            return getClass().getSimpleName();
        }

        /** The same refusal as a failure an Update handler may throw to answer the client. */
        public ApplicationFailure asFailure() {
            return ApplicationFailure.newNonRetryableFailure(getMessage(), type());
        }
    }

    public static final class PayloadTooLarge extends Refused {
        PayloadTooLarge(String message) {
            super(message);
        }
    }

    public static final class UnknownApproval extends Refused {
        UnknownApproval(String message) {
            super(message);
        }
    }

    public static final class ApprovalAlreadyDecided extends Refused {
        ApprovalAlreadyDecided(String message) {
            super(message);
        }
    }

    public static final class StaleArgsDigest extends Refused {
        StaleArgsDigest(String message) {
            super(message);
        }
    }

    public static final class NotAnApprover extends Refused {
        NotAnApprover(String message) {
            super(message);
        }
    }

    public static final class AlreadyApprovedByReviewer extends Refused {
        AlreadyApprovedByReviewer(String message) {
            super(message);
        }
    }

    public static final class RequesterCannotDecide extends Refused {
        RequesterCannotDecide(String message) {
            super(message);
        }
    }

    public static final class InvalidDecision extends Refused {
        InvalidDecision(String message) {
            super(message);
        }
    }

    public static final class EditDeniedByPolicy extends Refused {
        EditDeniedByPolicy(String message) {
            super(message);
        }
    }

    public static final class NotApplicable extends Refused {
        NotApplicable(String message) {
            super(message);
        }
    }

    public static final class UnknownAction extends Refused {
        UnknownAction(String message) {
            super(message);
        }
    }

    public static final class NotAllowedToReview extends Refused {
        NotAllowedToReview(String message) {
            super(message);
        }
    }

    public static final class ReviewWindowClosed extends Refused {
        ReviewWindowClosed(String message) {
            super(message);
        }
    }

    public static final class AlreadyReviewed extends Refused {
        AlreadyReviewed(String message) {
            super(message);
        }
    }

    public static final class NotUnderReview extends Refused {
        NotUnderReview(String message) {
            super(message);
        }
    }

    public static final class NoCompensation extends Refused {
        NoCompensation(String message) {
            super(message);
        }
    }

    public static final class NothingToRollBack extends Refused {
        NothingToRollBack(String message) {
            super(message);
        }
    }

    public static final class IdempotencyKeyReused extends Refused {
        IdempotencyKeyReused(String message) {
            super(message);
        }
    }
}
