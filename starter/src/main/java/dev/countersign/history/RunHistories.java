package dev.countersign.history;

import java.util.List;

/**
 * The runs of a task's workflow, oldest first, each once.
 *
 * @param beginningMissing the first runs are gone (the namespace's retention deletes the histories
 *     of closed runs, and a run that continued as new is closed), so {@code runs} starts later
 * @param complete false when a bound of {@link TaskRuns} left later runs unread
 */
public record RunHistories(String workflowId, List<RunHistory> runs, boolean beginningMissing, boolean complete) {

    public RunHistories {
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /** Every run from the first, or as far as a bound let the reader go. */
    public RunHistories(String workflowId, List<RunHistory> runs, boolean complete) {
        this(workflowId, runs, false, complete);
    }

    /** How many events the runs hold together. */
    public int eventCount() {
        return runs.stream().mapToInt(run -> run.events().size()).sum();
    }
}
