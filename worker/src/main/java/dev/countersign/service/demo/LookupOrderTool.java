package dev.countersign.service.demo;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.tool.ToolInvocation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code lookup_order}: reads an order of the demo shop. An order the shop does not know is an
 * answer ({@code found: false}), not a failure, so the agent can go on and tell the reviewer.
 */
public final class LookupOrderTool extends DemoTool {

    public static final String NAME = "lookup_order";

    private static final ArgumentSchema SCHEMA = ArgumentSchema.of(
            Map.of(
                    "orderId",
                    ArgumentSpec.string("the order to look up, for example A-1").withPattern(Orders.ORDER_ID_PATTERN)),
            "orderId");

    private final Orders orders;

    public LookupOrderTool(JdbcClient jdbc) {
        super(NAME, "Looks an order of the shop up: its customer, total, currency and status.", SCHEMA, "read_only");
        this.orders = new Orders(jdbc);
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        String orderId = ToolArgs.checked(invocation, SCHEMA).string("orderId");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("orderId", orderId);
        orders.find(orderId)
                .ifPresentOrElse(
                        order -> {
                            result.put("found", true);
                            result.put("customer", order.customer());
                            result.put("total", order.total());
                            result.put("currency", order.currency());
                            result.put("status", order.status());
                        },
                        () -> result.put("found", false));
        return result;
    }
}
