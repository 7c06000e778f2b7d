package dev.countersign.service.demo;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Compensation;
import dev.countersign.activities.tool.ToolException;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code issue_refund}: records a refund in the demo ledger, once per idempotency key. A refund for
 * a seeded order must be in the order's currency, and may not take what was refunded for the order
 * (reversals deducted) above its total: the check and the write run in one transaction that holds
 * the order's row locked, so two refunds of one order never both pass on the same balance. Orders
 * the demo shop does not know are refunded as asked. Its compensation {@value #REVERSAL} writes the
 * negative of the refund for the same order, once per its own idempotency key.
 */
public final class IssueRefundTool extends DemoTool {

    public static final String NAME = "issue_refund";
    public static final String EXCEEDS_ORDER_TOTAL = "RefundExceedsOrderTotal";
    /** Earlier refunds of the order leave less than this refund to give back. */
    public static final String EXCEEDS_REFUNDABLE = "RefundExceedsRefundableBalance";
    /** How the message of an {@link #EXCEEDS_REFUNDABLE} failure starts, so the agent can tell the customer. */
    static final String BALANCE_REFUSAL = "Refund refused: ";

    public static final String CURRENCY_MISMATCH = "RefundCurrencyMismatch";
    public static final String INVALID_AMOUNT = "InvalidRefundAmount";
    public static final String REVERSAL = "reverse_refund";
    public static final String NOTHING_TO_REVERSE = "RefundNotFound";

    private static final ArgumentSchema SCHEMA = ArgumentSchema.of(properties(), "orderId", "amount", "currency");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Orders orders;

    public IssueRefundTool(DemoSchema schema) {
        super(
                NAME,
                "Refunds an amount of an order to the customer, in the order's currency, at most what was paid.",
                SCHEMA,
                "financial");
        this.jdbc = schema.jdbc();
        this.transactions = schema.transactions();
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
    public Map<String, Object> execute(ToolInvocation invocation) {
        ToolArgs args = ToolArgs.checked(invocation, SCHEMA);
        String orderId = args.string("orderId");
        BigDecimal amount = args.amount("amount");
        String currency = args.string("currency");
        Refund refund = IdempotentWrite.once(
                () -> refundWithKey(invocation.idempotencyKey()),
                () -> transactions.executeWithoutResult(
                        transaction -> refundWithinBalance(invocation, orderId, amount, currency)));
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

    /**
     * Locks the order's row, so a concurrent refund of the same order waits here until this one has
     * committed and then sees it in the balance; a retry with this key that won meanwhile is found
     * and not written again.
     */
    private void refundWithinBalance(ToolInvocation invocation, String orderId, BigDecimal amount, String currency) {
        if (amount.scale() > 2) {
            throw new ToolException(
                    INVALID_AMOUNT,
                    "a refund has at most two decimals, " + amount.toPlainString() + " has more",
                    false);
        }
        Optional<Order> order = orders.findLocked(orderId);
        if (order.isPresent()) {
            if (refundWithKey(invocation.idempotencyKey()).isPresent()) {
                return;
            }
            checkAgainstOrder(order.get(), amount, currency);
        }
        insert(invocation, orderId, amount, currency);
    }

    private void checkAgainstOrder(Order order, BigDecimal amount, String currency) {
        String orderId = order.orderId();
        if (!order.currency().equals(currency)) {
            throw new ToolException(
                    CURRENCY_MISMATCH,
                    "order " + orderId + " was paid in " + order.currency() + ", not " + currency,
                    false);
        }
        if (amount.compareTo(order.total()) > 0) {
            throw new ToolException(
                    EXCEEDS_ORDER_TOTAL,
                    "a refund of " + Money.format(amount, currency) + " is more than the order total of "
                            + Money.format(order.total(), currency),
                    false);
        }
        BigDecimal refunded = refundedSoFar(orderId);
        if (refunded.add(amount).compareTo(order.total()) > 0) {
            BigDecimal left = order.total().subtract(refunded).max(BigDecimal.ZERO);
            throw new ToolException(
                    EXCEEDS_REFUNDABLE,
                    BALANCE_REFUSAL + Money.format(refunded, currency) + " of the "
                            + Money.format(order.total(), currency)
                            + " paid for order " + orderId + " has been refunded already, so "
                            + (left.signum() == 0
                                    ? "nothing more"
                                    : "at most " + Money.format(left, currency) + " more")
                            + " can be refunded, not " + Money.format(amount, currency) + ".",
                    false);
        }
    }

    /** What was refunded for the order so far, reversals deducted. */
    private BigDecimal refundedSoFar(String orderId) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query(BigDecimal.class)
                .single();
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
