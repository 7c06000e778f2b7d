package dev.countersign.listing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A listing's row for a task whose state could not be read: its id, {@code status} {@code
 * UNREADABLE} while it runs (or how its workflow ended, such as {@code TERMINATED}), the requester
 * when visibility knows it, and the error. What visibility says it awaits is kept for the inbox,
 * not shown.
 *
 * @param taskId the task's id
 * @param status {@code UNREADABLE}, or the closed workflow's status
 * @param requester who started it, from its search attributes; null when unknown
 * @param error why it is listed without its state
 * @param failure why its read failed; null when it ended and is simply not read back
 * @param awaitingGroups the groups its search attributes say may act now (empty when unknown)
 */
public record UnreadableTask(
        String taskId,
        String status,
        String requester,
        String error,
        @JsonIgnore ReadFailure failure,
        @JsonIgnore List<String> awaitingGroups) {

    /** The status of a task that runs but cannot be read. */
    public static final String UNREADABLE = "UNREADABLE";

    public UnreadableTask {
        if (taskId == null || status == null || error == null) {
            throw new IllegalArgumentException("an unreadable task needs an id, a status and an error");
        }
        awaitingGroups = awaitingGroups == null ? List.of() : List.copyOf(awaitingGroups);
    }

    /** Whether its workflow still runs. */
    @JsonIgnore
    public boolean isRunning() {
        return UNREADABLE.equals(status);
    }
}
