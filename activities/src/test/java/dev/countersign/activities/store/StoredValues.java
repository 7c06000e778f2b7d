package dev.countersign.activities.store;

import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.ShadowVerdict;
import dev.countersign.review.ActionReview;
import dev.countersign.review.CompensationRecord;
import dev.countersign.review.ReviewState;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionRecord;
import dev.countersign.task.DecisionRecordKind;
import dev.countersign.task.NotificationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Transcript entries and action views with every kind of field, for store tests. */
public final class StoredValues {

    public static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private StoredValues() {}

    public static TranscriptEntry answer(String text) {
        return new TranscriptEntry(TranscriptKind.ANSWER, null, null, null, text, "dave", AT);
    }

    public static List<TranscriptEntry> answers(int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(i -> answer("answer " + i))
                .toList();
    }

    /** JSON of every shape: nested objects and lists, whole and decimal numbers, booleans, nulls. */
    public static Map<String, Object> nested() {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("missing", null);
        withNull.put("list", List.of(1, 2.5, "three", true, Map.of("deep", List.of())));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("orderId", "A-7");
        value.put("amount", 500);
        value.put("rate", 0.125);
        value.put("big", 12_345_678_901L);
        value.put("refundable", false);
        value.put("lines", List.of(Map.of("sku", "X1", "qty", 2), Map.of("sku", "ü€😀", "qty", 1)));
        value.put("meta", withNull);
        return value;
    }

    public static TranscriptEntry toolResult(String actionId) {
        return new TranscriptEntry(
                TranscriptKind.TOOL_RESULT,
                actionId,
                new ToolCall("issue_refund", nested(), "asked to, \"twice\"\n", 0.8, List.of("pii", "external")),
                nested(),
                null,
                null,
                AT);
    }

    public static TranscriptEntry guidance() {
        return new TranscriptEntry(TranscriptKind.GUIDANCE, null, null, null, "prefer store credit", "olga", null);
    }

    public static ActionView executed(String actionId) {
        return action(actionId, ActionState.EXECUTED);
    }

    public static ActionView action(String actionId, ActionState state) {
        return new ActionView(
                actionId,
                "issue_refund",
                Map.of("amount", 500),
                "digest",
                "asked to",
                0.8,
                Outcome.APPROVE,
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

    /** An action with every field set, nested records included. */
    public static ActionView full(String actionId) {
        ApprovalTier tier = new ApprovalTier("leads", List.of("support-leads"), 1, Duration.ofHours(4));
        return new ActionView(
                actionId,
                "issue_refund",
                nested(),
                "sha256:abc",
                "the customer asked",
                0.75,
                Outcome.APPROVE,
                "refunds",
                "hash-1",
                "held for a lead",
                ActionState.EXECUTED,
                nested(),
                "first attempt timed out",
                List.of(new DecisionRecord("lena", DecisionRecordKind.APPROVE, "ok", AT, nested())),
                List.of(new NotificationRecord("approval", "leads", AT, List.of("slack"), List.of("email"))),
                AT.minusSeconds(60),
                new ShadowVerdict("strict-refunds", Outcome.DENY, List.of(tier)),
                ActionReview.opened(ReviewState.AWAITING, AT.plus(Duration.ofDays(1)), List.of("auditors")),
                CompensationRecord.failed("reverse_refund", "the processor refused", AT, 2)
                        .resolvedBy("olga", "refunded by hand", AT.plusSeconds(5)),
                true,
                new ArrayList<>(List.of("support-leads")));
    }
}
