package dev.countersign.autoconfigure;

import dev.countersign.activities.tool.spring.CountersignToolContext;
import dev.countersign.activities.tool.spring.Countersigned;
import dev.countersign.tool.CompensationRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/** A Spring bean whose Spring AI tools Countersign gates: a refund it can undo, and a lookup. */
class SupportDesk {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Tool(name = "issue_refund", description = "Refunds an amount to the customer's card")
    @Countersigned(tags = "financial", compensation = "reverseRefund")
    public Map<String, Object> refund(
            @ToolParam(description = "how much, in dollars") BigDecimal amount, ToolContext context) {
        calls.add("refund " + amount + " key " + CountersignToolContext.idempotencyKey(context));
        return Map.of("refunded", amount);
    }

    public Map<String, Object> reverseRefund(CompensationRequest request) {
        calls.add("reverse " + request.args().get("amount"));
        return Map.of("reversed", request.args().get("amount"));
    }

    @Tool(name = "lookup_order", description = "Finds an order by its id")
    public String lookupOrder(String orderId) {
        calls.add("lookup " + orderId);
        return "order " + orderId + " is paid";
    }
}
