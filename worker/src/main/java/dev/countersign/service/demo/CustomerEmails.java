package dev.countersign.service.demo;

import dev.countersign.agent.TranscriptKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emails the support agent writes to a customer about their refund. Reviewers' reasons for a
 * rejection reach the customer, and so does a refund refused because the order was refunded in full
 * already; policy and system errors do not.
 */
final class CustomerEmails {

    private static final String SIGNATURE = "\n\nKind regards,\nCustomer support";
    private static final String FOLLOW_UP = " A member of our team will look into it and get back to you.";

    private CustomerEmails() {}

    static Map<String, Object> about(RefundOutcome refund, String customer) {
        String body = switch (refund.kind()) {
            case TOOL_RESULT ->
                "We have refunded " + refund.money() + " for order " + refund.orderId()
                        + ". It can take a few days to show on your statement.";
            case REJECTED ->
                "We are sorry: we could not refund " + refund.money() + " for order "
                        + refund.orderId() + "."
                        + (refund.text().isEmpty() ? "" : " Reason: " + Texts.sentence(refund.text()));
            case DENIED ->
                "We are sorry: the refund of " + refund.money() + " for order " + refund.orderId()
                        + " could not be made automatically." + FOLLOW_UP;
            case TIMED_OUT ->
                "We are sorry: your refund of " + refund.money() + " for order " + refund.orderId()
                        + " is still waiting for a review." + FOLLOW_UP;
            default ->
                refund.balanceRefusal()
                        .map(reason -> "We are sorry: we could not refund " + refund.money() + " for order "
                                + refund.orderId() + ". " + Texts.sentence(capitalized(reason)))
                        .orElse("We are sorry: the refund of " + refund.money() + " for order " + refund.orderId()
                                + " failed." + FOLLOW_UP);
        };
        String subject = refund.kind() == TranscriptKind.TOOL_RESULT
                ? "Your refund for order " + refund.orderId()
                : "About your refund for order " + refund.orderId();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("to", customer);
        args.put("subject", Texts.abbreviate(subject, 200));
        args.put("body", Texts.abbreviate("Hello,\n\n" + body + SIGNATURE, 5000));
        return args;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
