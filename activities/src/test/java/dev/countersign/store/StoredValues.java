package dev.countersign.store;

import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Transcript entries and action views for store tests. */
final class StoredValues {

    static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private StoredValues() {}

    static TranscriptEntry answer(String text) {
        return new TranscriptEntry(TranscriptKind.ANSWER, null, null, null, text, "dave", AT);
    }

    static List<TranscriptEntry> answers(int first, int count) {
        return java.util.stream.IntStream.range(first, first + count)
                .mapToObj(i -> answer("answer " + i))
                .toList();
    }

    static TranscriptEntry toolResult(String actionId) {
        return new TranscriptEntry(
                TranscriptKind.TOOL_RESULT,
                actionId,
                new ToolCall("issue_refund", Map.of("amount", 500), "asked to", 0.8, List.of("pii")),
                Map.of("refunded", 500),
                null,
                null,
                AT);
    }

    static ActionView action(String actionId, ActionState state) {
        return new ActionView(
                actionId,
                "issue_refund",
                Map.of("amount", 500),
                "digest",
                "asked to",
                0.8,
                null,
                "refunds",
                "hash-1",
                null,
                state,
                null,
                null,
                List.of(),
                List.of(),
                AT,
                null,
                null,
                null,
                true,
                List.of("support-leads"));
    }
}
