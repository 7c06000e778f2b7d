package dev.countersign.task;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.countersign.approval.DecisionKind;

/**
 * What a {@link DecisionRecord} records: a reviewer's {@link DecisionKind}, or the workflow's own
 * escalation to the next tier or timeout after the last. In JSON it is the lowercase wire name.
 */
public enum DecisionRecordKind {
    APPROVE("approve"),
    REJECT("reject"),
    EDIT("edit"),
    REQUEST_CHANGES("request_changes"),
    /** A tier's SLA ran out and the approval moved to the next tier. */
    ESCALATE("escalate"),
    /** The last tier's SLA ran out and the policy's timeout outcome settled the approval. */
    TIMEOUT("timeout"),
    /** An approved call was not collected by its caller within its consent lifetime, and never ran. */
    EXPIRE("expire");

    private final String wireName;

    DecisionRecordKind(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase name in JSON and on the console. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The record of a reviewer's decision of the given kind. */
    public static DecisionRecordKind of(DecisionKind kind) {
        return switch (kind) {
            case APPROVE -> APPROVE;
            case REJECT -> REJECT;
            case EDIT -> EDIT;
            case REQUEST_CHANGES -> REQUEST_CHANGES;
        };
    }
}
