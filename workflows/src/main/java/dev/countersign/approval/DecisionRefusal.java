package dev.countersign.approval;

import io.temporal.failure.ApplicationFailure;

/**
 * Why a decision was refused, as an {@link ApplicationFailure} whose type the API maps to an HTTP
 * status. Validators and handlers throw these; a refused decision changes nothing.
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

    private DecisionRefusal() {}

    public static ApplicationFailure of(String type, String message) {
        return ApplicationFailure.newNonRetryableFailure(message, type);
    }
}
