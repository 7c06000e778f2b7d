package dev.countersign.activities.tool.spring;

import dev.countersign.tool.CompensationRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/** A bean with Spring AI tools, as a Spring application declares them, that remembers its calls. */
class RefundDesk {

    enum Reason {
        DAMAGED,
        LATE
    }

    record Order(String id, BigDecimal total) {}

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Tool(name = "issue_refund", description = "Refunds part of an order to the customer's card")
    @Countersigned(tags = "financial", compensation = "reverseRefund")
    public Map<String, Object> refund(
            @ToolParam(description = "the order to refund") String orderId,
            BigDecimal amount,
            Reason reason,
            ToolContext context) {
        calls.add("refund " + orderId + " " + amount.toPlainString() + " " + reason + " key "
                + CountersignToolContext.idempotencyKey(context));
        return Map.of("refunded", amount, "order", orderId);
    }

    public Map<String, Object> reverseRefund(String orderId, CompensationRequest request, ToolContext context) {
        calls.add("reverse " + orderId + " after " + request.result() + " key "
                + CountersignToolContext.idempotencyKey(context));
        return Map.of("reversed", orderId);
    }

    @Tool(description = "Finds an order by its id")
    public Order findOrder(String orderId) {
        calls.add("find " + orderId);
        return new Order(orderId, new BigDecimal("120.00"));
    }

    @Tool(name = "count_open_tickets", description = "Counts the customer's open tickets")
    public int countOpenTickets(String customer) {
        calls.add("count " + customer);
        return 3;
    }

    @Tool(name = "close_account", description = "Closes the customer's account for good")
    @Countersigned(
            tags = {"account", "external"},
            irreversible = true)
    public void closeAccount(String customer, ToolContext context) {
        calls.add("close " + customer);
    }
}
