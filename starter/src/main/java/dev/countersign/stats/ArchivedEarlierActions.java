package dev.countersign.stats;

import dev.countersign.activities.store.ActionArchive;
import dev.countersign.task.ActionIds;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskView;
import java.util.ArrayList;
import java.util.List;

/**
 * Earlier runs' actions read from the action archive, page by page in order of their numbers, at
 * most {@code maxActions} a task (beyond it the record says how many it left out).
 */
public class ArchivedEarlierActions implements EarlierActions {

    static final int PAGE = 500;

    private final ActionArchive archive;
    private final int maxActions;

    public ArchivedEarlierActions(ActionArchive archive, int maxActions) {
        if (maxActions < 1) {
            throw new IllegalArgumentException("at least one archived action a task must be readable");
        }
        this.archive = archive;
        this.maxActions = maxActions;
    }

    @Override
    public List<ActionView> of(TaskView task) {
        if (task.firstRunId() == null || task.counts().total() <= task.actions().size()) {
            return List.of();
        }
        List<ActionView> actions = new ArrayList<>();
        long after = 0;
        while (actions.size() < maxActions) {
            List<ActionView> page =
                    archive.page(task.taskId(), task.firstRunId(), after, Math.min(PAGE, maxActions - actions.size()));
            actions.addAll(page);
            if (page.isEmpty() || page.size() < PAGE) {
                break;
            }
            after = ActionIds.number(page.get(page.size() - 1).actionId());
        }
        return actions;
    }
}
