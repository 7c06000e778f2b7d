package dev.countersign.agent;

import dev.countersign.payload.PayloadBounds;
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

    /**
     * This entry with its bulky fields (result, text, the call's arguments and rationale) cut to a
     * short beginning with a marker saying how large they were.
     */
    public TranscriptEntry elided() {
        return new TranscriptEntry(
                kind,
                actionId,
                call == null ? null : call.within(2 * PayloadBounds.ELIDED_BYTES),
                PayloadBounds.json(result, PayloadBounds.ELIDED_BYTES),
                PayloadBounds.text(text, PayloadBounds.ELIDED_BYTES),
                by,
                at);
    }

    /** An estimate, from above, of this entry's size as JSON. */
    int estimatedBytes() {
        int size = 256
                + PayloadBounds.utf8Length(actionId)
                + PayloadBounds.utf8Length(text)
                + PayloadBounds.utf8Length(by)
                + (result == null ? 0 : PayloadBounds.jsonBytes(result));
        if (call != null) {
            size += PayloadBounds.utf8Length(call.tool())
                    + PayloadBounds.jsonBytes(call.args())
                    + PayloadBounds.utf8Length(call.rationale())
                    + PayloadBounds.jsonBytes(call.tags());
        }
        return size;
    }
}
