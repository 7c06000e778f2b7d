package dev.countersign.demo;

import dev.countersign.tool.ArgumentSchema;
import dev.countersign.tool.ArgumentSpec;
import dev.countersign.tool.Compensation;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.Tool;
import dev.countersign.tool.ToolException;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code issue_refund}: records a refund in the demo ledger, once per idempotency key. A refund for
 * a seeded order must be in the order's currency and at most its total; orders the demo shop does
 * not know are refunded as asked. Its compensation {@value #REVERSAL} writes the negative of the
 * refund for the same order, once per its own idempotency key.
 */
public final class IssueRefundTool implements Tool {

    public static final String NAME = "issue_refund";
    public static final String EXCEEDS_ORDER_TOTAL = "RefundExceedsOrderTotal";
    public static final String CURRENCY_MISMATCH = "RefundCurrencyMismatch";
    public static final String INVALID_AMOUNT = "InvalidRefundAmount";
    public static final String REVERSAL = "reverse_refund";
    public static final String NOTHING_TO_REVERSE = "RefundNotFound";

    private static final ArgumentSchema SCHEMA = ArgumentSchema.of(properties(), "orderId", "amount", "currency");

    private final JdbcClient jdbc;
    private final Orders orders;

    public IssueRefundTool(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.orders = new Orders(jdbc);
    }

    private static Map<String, ArgumentSpec> properties() {
        Map<String, ArgumentSpec> properties = new LinkedHashMap<>();
        properties.put(
                "orderId",
                ArgumentSpec.string("the order to refund, for example A-1").withPattern(Orders.ORDER_ID_PATTERN));
        properties.put(
                "amount", ArgumentSpec.number("how much to refund", new BigDecimal("0.01"), new BigDecimal("1000000")));
        properties.put(
                "currency",
                ArgumentSpec.string("ISO 4217 code, for example USD").withPattern("[A-Z]{3}"));
        return properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ArgumentSchema schema() {
        return SCHEMA;
    }

    @Override
    public List<String> tags() {
        return List.of("financial");
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        ToolArgs args = ToolArgs.checked(invocation, SCHEMA);
        String orderId = args.string("orderId");
        BigDecimal amount = args.amount("amount");
        String currency = args.string("currency");
        Refund refund = IdempotentWrite.once(() -> refundWithKey(invocation.idempotencyKey()), () -> {
            checkAgainstOrder(orderId, amount, currency);
            insert(invocation, orderId, amount, currency);
        });
        return refund.asResult();
    }

    @Override
    public Compensation compensation() {
        return Compensation.by(REVERSAL, this::reverse);
    }

    private Map<String, Object> reverse(CompensationRequest request) {
        String refundKey = ToolInvocation.idempotencyKey(request.taskId(), request.actionId());
        Refund refund = refundWithKey(refundKey)
                .orElseThrow(() -> new ToolException(
                        NOTHING_TO_REVERSE,
                        "no refund was made with key " + refundKey + "; nothing to reverse",
                        false));
        Refund reversal = IdempotentWrite.once(
                () -> refundWithKey(request.idempotencyKey()),
                () -> jdbc.sql("INSERT INTO refunds (idempotency_key, task_id, order_id, amount, currency)"
                                + " VALUES (:key, :taskId, :orderId, :amount, :currency)")
                        .param("key", request.idempotencyKey())
                        .param("taskId", request.taskId())
                        .param("orderId", refund.orderId())
                        .param("amount", refund.amount().negate())
                        .param("currency", refund.currency())
                        .update());
        Map<String, Object> result = reversal.asResult();
        result.put("reverses", "RF-" + refund.id());
        return result;
    }

    private void checkAgainstOrder(String orderId, BigDecimal amount, String currency) {
        if (amount.scale() > 2) {
            throw new ToolException(
                    INVALID_AMOUNT,
                    "a refund has at most two decimals, " + amount.toPlainString() + " has more",
                    false);
        }
        Optional<Order> order = orders.find(orderId);
        if (order.isEmpty()) {
            return;
        }
        if (!order.get().currency().equals(currency)) {
            throw new ToolException(
                    CURRENCY_MISMATCH,
                    "order " + orderId + " was paid in " + order.get().currency() + ", not " + currency,
                    false);
        }
        if (amount.compareTo(order.get().total()) > 0) {
            throw new ToolException(
                    EXCEEDS_ORDER_TOTAL,
                    "a refund of " + Money.format(amount, currency) + " is more than the order total of "
                            + Money.format(order.get().total(), currency),
                    false);
        }
    }

    private void insert(ToolInvocation invocation, String orderId, BigDecimal amount, String currency) {
        jdbc.sql("INSERT INTO refunds (idempotency_key, task_id, order_id, amount, currency)"
                        + " VALUES (:key, :taskId, :orderId, :amount, :currency)")
                .param("key", invocation.idempotencyKey())
                .param("taskId", invocation.taskId())
                .param("orderId", orderId)
                .param("amount", amount)
                .param("currency", currency)
                .update();
    }

    private Optional<Refund> refundWithKey(String idempotencyKey) {
        return jdbc.sql("SELECT id, order_id, amount, currency FROM refunds WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((row, number) -> new Refund(
                        row.getLong("id"),
                        row.getString("order_id"),
                        row.getBigDecimal("amount"),
                        row.getString("currency")))
                .optional();
    }

    private record Refund(long id, String orderId, BigDecimal amount, String currency) {

        Map<String, Object> asResult() {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("refundId", "RF-" + id);
            result.put("orderId", orderId);
            result.put("amount", amount);
            result.put("currency", currency);
            return result;
        }
    }
}
