package dev.countersign.service.api;

import dev.countersign.approval.DecisionRefusal;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The HTTP status of each of the workflow's refusal types, for the REST API and the console alike. */
public final class RefusalStatus {

    private static final Map<String, HttpStatus> STATUS = Map.ofEntries(
            Map.entry(DecisionRefusal.PAYLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE),
            Map.entry(DecisionRefusal.UNKNOWN_APPROVAL, HttpStatus.NOT_FOUND),
            Map.entry(DecisionRefusal.ALREADY_DECIDED, HttpStatus.CONFLICT),
            Map.entry(DecisionRefusal.STALE_ARGS, HttpStatus.CONFLICT),
            Map.entry(DecisionRefusal.NOT_AN_APPROVER, HttpStatus.FORBIDDEN),
            Map.entry(DecisionRefusal.ALREADY_APPROVED_BY_REVIEWER, HttpStatus.FORBIDDEN),
            Map.entry(DecisionRefusal.REQUESTER_CANNOT_DECIDE, HttpStatus.FORBIDDEN),
            Map.entry(DecisionRefusal.INVALID_DECISION, HttpStatus.BAD_REQUEST),
            Map.entry(DecisionRefusal.EDIT_DENIED, HttpStatus.BAD_REQUEST),
            Map.entry(DecisionRefusal.NOT_APPLICABLE, HttpStatus.CONFLICT),
            Map.entry(DecisionRefusal.UNKNOWN_ACTION, HttpStatus.NOT_FOUND),
            Map.entry(DecisionRefusal.NOT_ALLOWED_TO_REVIEW, HttpStatus.FORBIDDEN),
            Map.entry(DecisionRefusal.REVIEW_WINDOW_CLOSED, HttpStatus.CONFLICT),
            Map.entry(DecisionRefusal.ALREADY_REVIEWED, HttpStatus.CONFLICT),
            Map.entry(DecisionRefusal.NOT_UNDER_REVIEW, HttpStatus.CONFLICT),
            Map.entry(DecisionRefusal.NO_COMPENSATION, HttpStatus.CONFLICT),
            Map.entry(DecisionRefusal.NOTHING_TO_ROLL_BACK, HttpStatus.CONFLICT),
            Map.entry(DecisionRefusal.IDEMPOTENCY_KEY_REUSED, HttpStatus.UNPROCESSABLE_CONTENT));

    private RefusalStatus() {}

    /** The status for this refusal type, or null for a type this version does not know. */
    public static HttpStatus of(String type) {
        return type == null ? null : STATUS.get(type);
    }
}
