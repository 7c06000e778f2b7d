package dev.countersign.review;

import java.util.List;

/** The answer to a whole-task rollback: each action it compensated, in the order it ran them. */
public record RollbackResult(String taskId, List<ReviewResult> actions) {

    public RollbackResult {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Whether every compensation it ran succeeded. */
    public boolean complete() {
        return actions.stream().allMatch(action -> action.review().state() == ReviewState.ROLLED_BACK);
    }
}
