package dev.countersign.approval;

import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.function.Function;

/**
 * Why a decision, an answer or a cancellation was refused. Each reason is its own exception type,
 * because Temporal reports a validator's refusal by the exception's class name (SDK 1.38.0 drops
 * an ApplicationFailure's own type there); handlers report the same reason as an {@link
 * ApplicationFailure} whose type is the simple name. {@link #typeOf} reads either form back. A
 * refused decision changes nothing.
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

    private static final Map<String, Function<String, Refused>> BY_TYPE = Map.of(
            UNKNOWN_APPROVAL, UnknownApproval::new,
            ALREADY_DECIDED, ApprovalAlreadyDecided::new,
            STALE_ARGS, StaleArgsDigest::new,
            NOT_AN_APPROVER, NotAnApprover::new,
            ALREADY_APPROVED_BY_REVIEWER, AlreadyApprovedByReviewer::new,
            REQUESTER_CANNOT_DECIDE, RequesterCannotDecide::new,
            INVALID_DECISION, InvalidDecision::new,
            EDIT_DENIED, EditDeniedByPolicy::new,
            NOT_APPLICABLE, NotApplicable::new);

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
}
