package dev.countersign.listing;

import dev.countersign.activities.store.ActionArchive;
import dev.countersign.task.ActionView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A small archive for tests: actions by task and first run, ordered by their numbers. */
final class InMemoryArchive implements ActionArchive {

    private final Map<String, TreeMap<Long, ActionView>> actions = new ConcurrentHashMap<>();

    @Override
    public synchronized void archive(String taskId, String firstRunId, List<ActionView> archived) {
        TreeMap<Long, ActionView> kept = actions.computeIfAbsent(taskId + "/" + firstRunId, key -> new TreeMap<>());
        archived.forEach(action -> kept.put(number(action.actionId()), action));
    }

    @Override
    public synchronized Optional<ActionView> find(String taskId, String firstRunId, String actionId) {
        return Optional.ofNullable(
                actions.getOrDefault(taskId + "/" + firstRunId, new TreeMap<>()).get(number(actionId)));
    }

    @Override
    public synchronized List<ActionView> page(String taskId, String firstRunId, long afterNumber, int limit) {
        return actions
                .getOrDefault(taskId + "/" + firstRunId, new TreeMap<>())
                .tailMap(afterNumber, false)
                .values()
                .stream()
                .limit(limit)
                .toList();
    }

    private static long number(String actionId) {
        return Long.parseLong(actionId.substring(1));
    }
}
