package dev.countersign.service.console;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Tool;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tool with the demo refund's argument schema, for the edit form; it is never executed here. */
class RefundToolSchema implements Tool {

    @Override
    public String name() {
        return "issue_refund";
    }

    @Override
    public String description() {
        return "Refunds part or all of what a customer paid for an order.";
    }

    @Override
    public ArgumentSchema schema() {
        Map<String, ArgumentSpec> properties = new LinkedHashMap<>();
        properties.put("orderId", ArgumentSpec.string("the order to refund").withPattern("[A-Z]-[0-9]+"));
        properties.put("amount", ArgumentSpec.number("how much to refund", new BigDecimal("0.01"), null));
        properties.put("currency", ArgumentSpec.string("ISO 4217 code").withPattern("[A-Z]{3}"));
        return ArgumentSchema.of(properties, "orderId", "amount", "currency");
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        throw new UnsupportedOperationException("the console tests never run tools");
    }
}
