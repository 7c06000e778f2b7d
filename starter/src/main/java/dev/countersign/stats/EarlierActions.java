package dev.countersign.stats;

import dev.countersign.task.ActionView;
import dev.countersign.task.TaskView;
import java.util.List;

/**
 * The actions of a task that its view does not hold: those its earlier runs proposed before it
 * continued as new, so that the decision record counts every run's decisions. {@link #NONE} where
 * no action archive is configured: the record then counts what the views hold and says how many
 * actions it left out.
 */
@FunctionalInterface
public interface EarlierActions {

    EarlierActions NONE = task -> List.of();

    List<ActionView> of(TaskView task);
}
