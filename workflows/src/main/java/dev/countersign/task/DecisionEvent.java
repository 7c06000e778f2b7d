package dev.countersign.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What one row of the decision record tells about an action; in JSON its lowercase name. */
public enum DecisionEvent {
    /** The agent (or a caller through the gateway) proposed the call. */
    PROPOSAL,
    /** The policy's verdict on it: auto, approve or deny, with the rule and policy hash. */
    VERDICT,
    /** A reviewer's approve, reject, edit or request_changes. */
    DECISION,
    /** A tier's SLA ran out and the approval moved to the next tier. */
    ESCALATION,
    /** The last tier's SLA ran out and the policy's timeout outcome applied. */
    TIMEOUT,
    /** An approved submitted call was not collected within its consent lifetime. */
    EXPIRY,
    /** A call a person refused before was refused again without asking anyone. */
    REFUSAL,
    /** The task was cancelled while the call waited. */
    CANCELLATION,
    /** The call ran: executed, failed or outcome_unknown. */
    EXECUTION,
    /** An operator said whether a call of unknown outcome was done. */
    SETTLEMENT,
    /** A post-action review: ok, flag or rollback. */
    REVIEW,
    /** What a rollback's compensation did: rolled_back, failed or resolved by hand. */
    ROLLBACK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The event of this wire name; refuses an unknown one. */
    public static DecisionEvent fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
