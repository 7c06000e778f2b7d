package dev.countersign.stats;

import dev.countersign.policy.Outcome;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionRecordKind;

/** What became of one judged call, as the statistics count it. */
enum Fate {
    AUTO,
    DENIED,
    APPROVED,
    EDITED,
    REJECTED,
    CHANGES_REQUESTED,
    TIMED_OUT,
    CANCELLED,
    PENDING;

    /** The call's fate, or null when no verdict was recorded (the policy could not be evaluated). */
    static Fate of(ActionView action) {
        if (action.verdict() == null) {
            return null;
        }
        if (action.verdict() == Outcome.DENY) {
            return DENIED;
        }
        if (action.verdict() == Outcome.AUTO) {
            return AUTO;
        }
        if (action.decisions().stream().anyMatch(d -> d.decision() == DecisionRecordKind.TIMEOUT)) {
            return TIMED_OUT;
        }
        return switch (action.state()) {
            case PENDING -> PENDING;
            case CANCELLED -> CANCELLED;
            case REJECTED -> REJECTED;
            case CHANGES_REQUESTED -> CHANGES_REQUESTED;
            case TIMED_OUT -> TIMED_OUT;
            default -> edited(action) ? EDITED : APPROVED;
        };
    }

    /** True for the fates a person chose. */
    boolean decidedByAPerson() {
        return this == APPROVED || this == EDITED || this == REJECTED || this == CHANGES_REQUESTED;
    }

    private static boolean edited(ActionView action) {
        return action.decisions().stream().anyMatch(d -> d.decision() == DecisionRecordKind.EDIT);
    }
}
