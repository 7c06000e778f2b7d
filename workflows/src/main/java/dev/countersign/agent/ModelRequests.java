package dev.countersign.agent;

import dev.countersign.payload.PayloadBounds;
import java.util.List;
import java.util.Map;

/**
 * Builds the model activity's input within a size bound, as the workflow sends it: on the first
 * call the goal and the input, each cut to a quarter of the bound; then the entries since the
 * previous call, the bulky fields of the oldest elided ({@link TranscriptEntry#elided()}) while they
 * do not fit in the rest, and as a last resort the oldest left out. Deterministic: the same state
 * gives the same request.
 */
public final class ModelRequests {

    /** Room for the request's own fields and the JSON around them. */
    private static final int OVERHEAD_BYTES = 1024;

    private ModelRequests() {}

    /**
     * @param first whether this is the task's first model call, which carries its goal and input
     */
    public static StepRequest within(
            String taskId,
            String firstRunId,
            String agent,
            int step,
            boolean first,
            String goal,
            Map<String, Object> input,
            int from,
            List<TranscriptEntry> entries,
            int maxBytes) {
        String boundedGoal = first ? PayloadBounds.text(goal, maxBytes / 4) : null;
        Map<String, Object> boundedInput = first ? PayloadBounds.json(input, maxBytes / 4) : null;
        int budget = maxBytes
                - OVERHEAD_BYTES
                - PayloadBounds.utf8Length(boundedGoal)
                - (first ? PayloadBounds.jsonBytes(boundedInput) : 0);
        return new StepRequest(
                taskId,
                firstRunId,
                agent,
                step,
                boundedGoal == null ? null : boundedGoal,
                boundedInput,
                from,
                entriesWithin(entries, budget));
    }

    static List<TranscriptEntry> entriesWithin(List<TranscriptEntry> entries, int budget) {
        PayloadBounds.Fitted<TranscriptEntry> fitted =
                PayloadBounds.elideOldest(entries, TranscriptEntry::estimatedBytes, TranscriptEntry::elided, budget);
        List<TranscriptEntry> fitting = fitted.items();
        long total = fitted.total();
        int first = 0;
        while (first < fitting.size() && total > budget) {
            total -= fitting.get(first).estimatedBytes(); // elided by now, so cheap to measure
            first++;
        }
        return fitting.subList(first, fitting.size());
    }
}
