package dev.countersign.agent;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened in a task and that the agent model is told about before its next
 * step. {@code actionId} and {@code call} are set for entries about a tool call.
 */
public record TranscriptEntry(
        TranscriptKind kind,
        String actionId,
        ToolCall call,
        Map<String, Object> result,
        String text,
        String by,
        Instant at) {

    public TranscriptEntry {
        if (kind == null) {
            throw new IllegalArgumentException("a transcript entry needs a kind");
        }
        result = result == null ? null : JsonValues.immutableCopy(result);
    }
}
