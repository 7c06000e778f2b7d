package dev.countersign.task;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An action archive for workflow tests: keeps the latest copy of each archived action, by task and id. */
class RecordingArchive implements TaskArchiveActivities {

    final Map<String, ActionView> actions = new ConcurrentHashMap<>();
    final List<ArchivedActions> batches = new CopyOnWriteArrayList<>();

    @Override
    public void archiveActions(ArchivedActions archived) {
        batches.add(archived);
        archived.actions().forEach(action -> actions.put(key(archived.taskId(), action.actionId()), action));
    }

    @Override
    public ActionView archivedAction(String taskId, String firstRunId, String actionId) {
        ActionView action = actions.get(key(taskId, actionId));
        if (action == null) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "task " + taskId + " archived no action " + actionId, "ActionNotArchived");
        }
        return action;
    }

    List<ActionView> of(String taskId) {
        return actions.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(taskId + "/"))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static String key(String taskId, String actionId) {
        return taskId + "/" + actionId;
    }
}
