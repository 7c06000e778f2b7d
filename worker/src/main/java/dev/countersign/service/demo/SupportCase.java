package dev.countersign.service.demo;

import dev.countersign.agent.AgentRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A support task's input: {@code {orderId, amount, currency, customer}}, and optionally
 * {@code reason}, what the customer reported (the task's goal otherwise), kept to its first {@value
 * #COMPLAINT_CHARS} characters. Currency may be left out; the agent then takes the order's.
 */
record SupportCase(String orderId, BigDecimal amount, String currency, String customer, String complaint) {

    /**
     * How much of what the customer reported the agent quotes in its rationales: enough for a
     * reviewer to recognise the case, never a second copy of a long goal in the task's history.
     */
    static final int COMPLAINT_CHARS = 120;

    private static final Pattern EMAIL = Pattern.compile(SendEmailTool.EMAIL_PATTERN);

    /** What is wrong with the input, in words for the person who started the task; empty if nothing. */
    static List<String> problemsWith(Map<String, Object> input) {
        List<String> problems = new ArrayList<>();
        if (text(input.get("orderId")).isEmpty()) {
            problems.add("orderId is missing");
        }
        Object amount = input.get("amount");
        if (amount == null || text(amount).isEmpty()) {
            problems.add("amount is missing");
        } else if (Money.read(amount).isEmpty()) {
            problems.add("amount must be a number, not '" + amount + "'");
        } else if (Money.read(amount).get().signum() <= 0) {
            problems.add("amount must be more than 0");
        }
        String customer = text(input.get("customer"));
        if (customer.isEmpty()) {
            problems.add("customer (the customer's email address) is missing");
        } else if (!EMAIL.matcher(customer).matches()) {
            problems.add("customer must be an email address, not '" + customer + "'");
        }
        return problems;
    }

    /** The case of a request whose input has no {@link #problemsWith problems}. */
    static SupportCase of(AgentRequest request) {
        Map<String, Object> input = request.input();
        String currency = text(input.get("currency")).toUpperCase(Locale.ROOT);
        String reason = text(input.get("reason"));
        String goal = request.goal() == null ? "" : request.goal().trim();
        return new SupportCase(
                text(input.get("orderId")),
                Money.read(input.get("amount")).orElseThrow(),
                currency.isEmpty() ? null : currency,
                text(input.get("customer")),
                Texts.abbreviate(
                        !reason.isEmpty() ? reason : !goal.isEmpty() ? goal : "a problem with the order",
                        COMPLAINT_CHARS));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
