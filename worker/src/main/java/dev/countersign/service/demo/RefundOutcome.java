package dev.countersign.service.demo;

import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What became of a proposed refund, from its transcript entry. The entry's call holds the arguments
 * as they were decided on: for an executed refund, the possibly edited arguments that ran.
 */
record RefundOutcome(TranscriptKind kind, String orderId, BigDecimal amount, String currency, String text) {

    static RefundOutcome of(TranscriptEntry entry, SupportCase supportCase) {
        Map<String, Object> args = entry.call().args();
        Map<String, Object> result = entry.result() == null ? Map.of() : entry.result();
        return new RefundOutcome(
                entry.kind(),
                firstText(args.get("orderId"), result.get("orderId"), supportCase.orderId()),
                Money.read(args.get("amount"))
                        .or(() -> Money.read(result.get("amount")))
                        .orElse(supportCase.amount()),
                firstText(args.get("currency"), result.get("currency"), supportCase.currency()),
                entry.text() == null ? "" : entry.text().trim());
    }

    String money() {
        return Money.format(amount, currency);
    }

    /**
     * Why the refund tool refused this refund because the order's earlier refunds leave too little,
     * in words the customer may read ("80 USD of the 89.90 USD paid ... not 10 USD."); empty for any
     * other outcome, whose errors stay inside.
     */
    Optional<String> balanceRefusal() {
        if (kind != TranscriptKind.TOOL_FAILED || !text.startsWith(IssueRefundTool.BALANCE_REFUSAL)) {
            return Optional.empty();
        }
        String reason = text.substring(IssueRefundTool.BALANCE_REFUSAL.length()).trim();
        return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    }

    /** One clause for the task's summary, such as "Refunded 200 USD for order A-1". */
    String summary() {
        String refund = money() + " for order " + orderId;
        return switch (kind) {
            case TOOL_RESULT -> "Refunded " + refund;
            case REJECTED -> "Refund of " + refund + " rejected by a reviewer" + Texts.inParentheses(text);
            case DENIED ->
                "Refund of " + refund + " not made: it could not be done automatically" + Texts.inParentheses(text);
            case TOOL_FAILED ->
                balanceRefusal()
                        .map(reason -> "Refund of " + refund + " not made: " + reason.replaceAll("\\.$", ""))
                        .orElse("Refund of " + refund + " failed" + Texts.inParentheses(text));
            case TIMED_OUT -> "Refund of " + refund + " not made: nobody decided on it in time";
            default -> "Refund of " + refund + " not made";
        };
    }

    private static String firstText(Object... candidates) {
        for (Object candidate : candidates) {
            if (candidate != null && !candidate.toString().isBlank()) {
                return candidate.toString();
            }
        }
        return "";
    }
}
