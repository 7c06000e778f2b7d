package dev.countersign.service.console.task;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The console's "start a demo refund" form: the input the demo support agent expects
 * ({@code orderId, amount, currency, customer, reason}), checked before a task is started.
 */
public record DemoRefundForm(String orderId, String amount, String currency, String customer, String reason) {

    public static final String AGENT = "support";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public DemoRefundForm {
        orderId = strip(orderId);
        amount = strip(amount);
        currency = strip(currency).toUpperCase(Locale.ROOT);
        customer = strip(customer);
        reason = strip(reason);
    }

    /** The form as submitted, from its parameters. */
    public static DemoRefundForm from(Map<String, String> params) {
        return new DemoRefundForm(
                params.get("orderId"),
                params.get("amount"),
                params.get("currency"),
                params.get("customer"),
                params.get("reason"));
    }

    /** The form as the demo suggests it: order A-1, $250, to its customer. */
    public static DemoRefundForm suggested() {
        return new DemoRefundForm("A-1", "250", "USD", "ana.silva@example.com", "charged twice");
    }

    /** What is wrong with the form, by field; empty when it can start a task. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (orderId.isEmpty()) {
            problems.put("orderId", "Enter the order to refund, for example A-1.");
        }
        BigDecimal value = amountValue();
        if (value == null || value.signum() <= 0) {
            problems.put("amount", "Enter an amount above 0, such as 250 or 99.95.");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            problems.put("currency", "Enter a three-letter currency code, such as USD.");
        }
        if (!EMAIL.matcher(customer).matches()) {
            problems.put("customer", "Enter the customer's email address.");
        }
        return problems;
    }

    public String goal() {
        return "Refund " + currency + " " + amount + " for order " + orderId
                + (reason.isEmpty() ? "" : " (" + reason + ")") + ".";
    }

    public Map<String, Object> input() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("orderId", orderId);
        input.put("amount", amountValue());
        input.put("currency", currency);
        input.put("customer", customer);
        if (!reason.isEmpty()) {
            input.put("reason", reason);
        }
        return input;
    }

    private BigDecimal amountValue() {
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
