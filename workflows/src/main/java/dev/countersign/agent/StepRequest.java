package dev.countersign.agent;

import java.util.List;
import java.util.Map;

/**
 * What the workflow sends the model activity for one step: the entries added to the task's
 * transcript since its previous model call, and where they start in the stored conversation. The
 * activity stores them (idempotent by position) and rebuilds the whole conversation from its
 * transcript store, so this input stays bounded however long the task runs. {@code goal} and {@code
 * input} travel with the task's first model call only (null after it); the store keeps them.
 *
 * @param taskId the task (workflow) id
 * @param firstRunId the task's first run id: a stored conversation belongs to one task, even where
 *     a task id is used again on a server that forgot the first one
 * @param agent the agent profile
 * @param step the step this call chooses, counted from 1 over every run of the task
 * @param goal the task's goal on its first model call, else null
 * @param input the task's input on its first model call, else null
 * @param from the transcript position of the first of {@code entries} (how many came before)
 * @param entries the entries since the previous model call, oldest first
 */
public record StepRequest(
        String taskId,
        String firstRunId,
        String agent,
        int step,
        String goal,
        Map<String, Object> input,
        int from,
        List<TranscriptEntry> entries) {

    public StepRequest {
        if (step < 1 || from < 0) {
            throw new IllegalArgumentException("a step counts from 1 and a transcript position from 0");
        }
        input = input == null ? null : JsonValues.immutableCopy(input);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** Whether this is the task's first model call, which carries its goal and input. */
    public boolean first() {
        return goal != null;
    }
}
