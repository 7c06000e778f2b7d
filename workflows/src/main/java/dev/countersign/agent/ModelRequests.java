package dev.countersign.agent;

import dev.countersign.payload.PayloadBounds;
import java.util.List;
import java.util.Map;

/**
 * Builds the model's request within a size bound, as the workflow sends it: the goal and the input
 * each cut to a quarter of the bound, then, while the transcript does not fit in the rest, the
 * bulky fields of its oldest entries elided ({@link TranscriptEntry#elided()}), and as a last
 * resort its oldest entries left out. Deterministic: the same state gives the same request.
 */
public final class ModelRequests {

    /** Room for the request's own fields and the JSON around them. */
    private static final int OVERHEAD_BYTES = 1024;

    private ModelRequests() {}

    public static AgentRequest within(
            String taskId,
            String agent,
            String goal,
            Map<String, Object> input,
            List<TranscriptEntry> transcript,
            int maxBytes) {
        String boundedGoal = PayloadBounds.text(goal, maxBytes / 4);
        Map<String, Object> boundedInput = PayloadBounds.json(input, maxBytes / 4);
        int budget = maxBytes
                - OVERHEAD_BYTES
                - PayloadBounds.utf8Length(boundedGoal)
                - PayloadBounds.jsonBytes(boundedInput);
        return new AgentRequest(taskId, agent, boundedGoal, boundedInput, transcriptWithin(transcript, budget));
    }

    static List<TranscriptEntry> transcriptWithin(List<TranscriptEntry> transcript, int budget) {
        PayloadBounds.Fitted<TranscriptEntry> fitted =
                PayloadBounds.elideOldest(transcript, TranscriptEntry::estimatedBytes, TranscriptEntry::elided, budget);
        List<TranscriptEntry> entries = fitted.items();
        long total = fitted.total();
        int first = 0;
        while (first < entries.size() && total > budget) {
            total -= entries.get(first).estimatedBytes(); // elided by now, so cheap to measure
            first++;
        }
        return entries.subList(first, entries.size());
    }
}
