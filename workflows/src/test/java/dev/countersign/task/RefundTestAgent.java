package dev.countersign.task;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.Question;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small scripted agent for workflow tests: look the order up, refund, email the customer. A
 * rejection leads to an apology; requested changes lead to a new proposal with the amount named
 * in the feedback. Input {"ask": true} makes it ask a question first, {"askAfterRefund": true} right
 * after a refund ran.
 */
class RefundTestAgent extends ConversationAgent {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)");

    @Override
    protected AgentStep next(AgentRequest request) {
        Map<String, Object> input = request.input();
        List<TranscriptEntry> transcript = request.transcript();
        if (Boolean.TRUE.equals(input.get("ask"))
                && transcript.stream().noneMatch(e -> e.kind() == TranscriptKind.ANSWER)) {
            return AgentStep.ask(new Question("Which currency?", List.of("USD", "EUR")));
        }
        if (transcript.stream().noneMatch(e -> e.kind() == TranscriptKind.TOOL_RESULT)) {
            return AgentStep.call(call("lookup_order", Map.of("orderId", input.get("orderId"))));
        }
        TranscriptEntry last = transcript.get(transcript.size() - 1);
        String tool = last.call() == null ? null : last.call().tool();
        if ("lookup_order".equals(tool)) {
            return refund(input.get("amount"), input);
        }
        if ("issue_refund".equals(tool)
                && last.kind() == TranscriptKind.TOOL_RESULT
                && Boolean.TRUE.equals(input.get("askAfterRefund"))
                && transcript.stream().noneMatch(e -> e.kind() == TranscriptKind.ANSWER)) {
            return AgentStep.ask(new Question("Anything else for this customer?", List.of()));
        }
        if ("issue_refund".equals(tool)) {
            return switch (last.kind()) {
                case CHANGES_REQUESTED -> refund(amountIn(last.text(), input.get("amount")), input);
                case TOOL_RESULT ->
                    email(input, "Refunded " + last.call().args().get("amount") + guidance(transcript));
                default -> email(input, "Sorry, no refund: " + last.text());
            };
        }
        if ("send_email".equals(tool)) {
            return AgentStep.finish("done: " + last.call().args().get("body"));
        }
        return AgentStep.finish("nothing to do after " + last.kind());
    }

    private static AgentStep refund(Object amount, Map<String, Object> input) {
        return AgentStep.call(
                call("issue_refund", Map.of("orderId", input.get("orderId"), "amount", amount, "currency", "USD")));
    }

    private static AgentStep email(Map<String, Object> input, String body) {
        return AgentStep.call(call("send_email", Map.of("to", "customer@example.com", "body", body)));
    }

    private static String guidance(List<TranscriptEntry> transcript) {
        return transcript.stream()
                .filter(entry -> entry.kind() == TranscriptKind.GUIDANCE)
                .map(entry -> " (" + entry.text() + ")")
                .reduce("", String::concat);
    }

    private static ToolCall call(String tool, Map<String, Object> args) {
        return new ToolCall(tool, args, "because the customer asked", 0.9, List.of());
    }

    private static Object amountIn(String feedback, Object fallback) {
        Matcher matcher = AMOUNT.matcher(feedback == null ? "" : feedback);
        return matcher.find() ? (Object) Double.valueOf(matcher.group(1)) : fallback;
    }
}
