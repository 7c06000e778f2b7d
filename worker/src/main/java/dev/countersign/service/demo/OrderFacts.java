package dev.countersign.service.demo;

import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.math.BigDecimal;
import java.util.Map;

/** What the agent learnt from looking the order up, told to the reviewer in its rationale. */
record OrderFacts(String orderId, BigDecimal total, String currency, String status, String unavailable) {

    /** Nothing known: the order was not looked up. */
    static final OrderFacts NONE = new OrderFacts(null, null, null, null, null);

    static OrderFacts of(TranscriptEntry lookup) {
        Object orderId = lookup.call().args().get("orderId");
        if (lookup.kind() != TranscriptKind.TOOL_RESULT) {
            String why = lookup.text() == null || lookup.text().isBlank()
                    ? lookup.kind().name()
                    : lookup.text();
            return new OrderFacts(String.valueOf(orderId), null, null, null, why);
        }
        Map<String, Object> result = lookup.result() == null ? Map.of() : lookup.result();
        if (!Boolean.TRUE.equals(result.get("found"))) {
            return new OrderFacts(String.valueOf(orderId), null, null, null, null);
        }
        return new OrderFacts(
                String.valueOf(orderId),
                Money.read(result.get("total")).orElse(null),
                textOrNull(result.get("currency")),
                textOrNull(result.get("status")),
                null);
    }

    private static String textOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    String currencyOr(String fallback) {
        return currency != null ? currency : fallback;
    }

    /** A clause for the rationale, ending in "; ", or nothing when the order was not looked up. */
    String describe(BigDecimal refund, String refundCurrency) {
        if (orderId == null) {
            return "";
        }
        if (unavailable != null) {
            return "order " + orderId + " could not be looked up" + Texts.inParentheses(unavailable) + "; ";
        }
        if (total == null) {
            return "order " + orderId + " is not in the order system; ";
        }
        String facts = "order total " + Money.format(total, currency) + (status == null ? "" : " (" + status + ")");
        if (currency != null && !currency.equals(refundCurrency)) {
            facts += ", paid in another currency than the refund";
        } else if (refund.compareTo(total) > 0) {
            facts += ", less than the refund";
        }
        return facts + "; ";
    }
}
