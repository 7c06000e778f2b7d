package dev.countersign.activities.store;

import dev.countersign.task.ActionIds;
import dev.countersign.task.ActionView;
import java.util.List;
import java.util.Optional;

/**
 * The actions a long task no longer holds in its workflow state after it continued as new, kept so
 * that the API, the console and a later rollback can read every run's actions. Keyed by task id,
 * first run id and action id; archiving an action again replaces its earlier copy.
 */
public interface ActionArchive {

    /** Stores these actions of the task, replacing earlier copies with the same ids. */
    void archive(String taskId, String firstRunId, List<ActionView> actions);

    /** The archived copy of this action, or empty when it was never archived. */
    Optional<ActionView> find(String taskId, String firstRunId, String actionId);

    /**
     * At most {@code limit} archived actions whose number (the digits of an action id {@code a<n>})
     * is above {@code afterNumber}, in order of their numbers.
     */
    List<ActionView> page(String taskId, String firstRunId, long afterNumber, int limit);

    /**
     * The number of an action id {@code a<n>}, by which archives order actions ({@code a2} before
     * {@code a10}).
     *
     * @throws IllegalArgumentException for an id of another shape
     */
    static long actionNumber(String actionId) {
        long number = ActionIds.number(actionId);
        if (number < 0) {
            throw new IllegalArgumentException("an action id is 'a' and a number, was '" + actionId + "'");
        }
        return number;
    }
}
