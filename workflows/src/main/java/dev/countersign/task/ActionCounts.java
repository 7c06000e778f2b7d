package dev.countersign.task;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many actions a task proposed over all its runs, and how many are in each state now.
 *
 * @param total every action the task proposed
 * @param byState the actions in each state; a state no action is in is left out
 */
public record ActionCounts(int total, Map<ActionState, Integer> byState) {

    public static final ActionCounts NONE = new ActionCounts(0, Map.of());

    /** The counts of these actions. */
    public static ActionCounts of(java.util.Collection<ActionView> actions) {
        if (actions == null || actions.isEmpty()) {
            return NONE;
        }
        Map<ActionState, Integer> byState = new EnumMap<>(ActionState.class);
        actions.forEach(action -> byState.merge(action.state(), 1, Integer::sum));
        return new ActionCounts(actions.size(), byState);
    }

    public ActionCounts {
        byState = byState == null || byState.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byState));
    }
}
