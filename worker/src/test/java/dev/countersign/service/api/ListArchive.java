package dev.countersign.service.api;

import dev.countersign.activities.store.ActionArchive;
import dev.countersign.task.ActionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An archive of one task's actions for web tests, held in a list in the order of their numbers. */
final class ListArchive implements ActionArchive {

    private final List<ActionView> actions = new ArrayList<>();

    @Override
    public void archive(String taskId, String firstRunId, List<ActionView> archived) {
        actions.addAll(archived);
    }

    @Override
    public Optional<ActionView> find(String taskId, String firstRunId, String actionId) {
        return actions.stream().filter(a -> a.actionId().equals(actionId)).findFirst();
    }

    @Override
    public List<ActionView> page(String taskId, String firstRunId, long afterNumber, int limit) {
        return actions.stream()
                .filter(action -> Long.parseLong(action.actionId().substring(1)) > afterNumber)
                .limit(limit)
                .toList();
    }
}
