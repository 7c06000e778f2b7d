package dev.countersign.history;

import java.util.List;

/**
 * A task's story for operators, oldest first, with a link to the workflow in the Temporal Web UI
 * ({@code webUiUrl}, null when no {@code countersign.temporal-ui-url} is configured).
 */
public record TaskHistory(String taskId, String webUiUrl, List<TimelineEvent> events) {

    public TaskHistory {
        if (taskId == null || taskId.isBlank()) {
            throw new IllegalArgumentException("a task history needs the task id");
        }
        events = events == null ? List.of() : List.copyOf(events);
    }
}
