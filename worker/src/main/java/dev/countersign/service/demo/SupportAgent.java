package dev.countersign.service.demo;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's scripted support agent ({@code support}): it looks the order up, proposes the refund,
 * follows the reviewers' decisions and feedback, emails the customer about what happened and
 * finishes with a summary. Its next step depends on the request alone (no clock, no randomness),
 * as an activity that Temporal may retry requires.
 */
public final class SupportAgent implements AgentModel {

    public static final String NAME = "support";
    static final double CONFIDENCE = 0.9;
    /** How much of a person's guidance or feedback a rationale quotes; the transcript has it whole. */
    static final int QUOTED_CHARS = 500;

    @Override
    public String agent() {
        return NAME;
    }

    @Override
    public AgentStep nextStep(AgentRequest request) {
        List<String> problems = SupportCase.problemsWith(request.input());
        if (!problems.isEmpty()) {
            return AgentStep.finish("Nothing done: the task input is incomplete (" + String.join("; ", problems)
                    + "). A support task needs {orderId, amount, currency, customer}.");
        }
        SupportCase supportCase = SupportCase.of(request);
        SupportTranscript transcript = new SupportTranscript(request.transcript());
        return transcript
                .latestCallOutcome()
                .map(latest -> after(latest, supportCase, transcript))
                .orElseGet(() -> lookUpOrder(
                        supportCase.orderId(),
                        "Check order " + supportCase.orderId() + " before refunding; customer reported \""
                                + supportCase.complaint() + "\"."));
    }

    private AgentStep after(TranscriptEntry latest, SupportCase supportCase, SupportTranscript transcript) {
        return switch (latest.call().tool()) {
            case LookupOrderTool.NAME -> afterLookup(latest, supportCase, transcript);
            case IssueRefundTool.NAME -> afterRefund(latest, supportCase, transcript);
            case SendEmailTool.NAME -> afterEmail(latest, supportCase, transcript);
            default ->
                AgentStep.finish("Stopped: the support agent does not know the tool '"
                        + latest.call().tool() + "'; no refund was made.");
        };
    }

    private AgentStep afterLookup(TranscriptEntry lookup, SupportCase supportCase, SupportTranscript transcript) {
        return switch (lookup.kind()) {
            case REJECTED ->
                AgentStep.finish("Stopped: a reviewer rejected looking up order " + supportCase.orderId()
                        + Texts.inParentheses(lookup.text())
                        + "; no refund was made and the customer was not emailed.");
            case CHANGES_REQUESTED ->
                lookUpOrder(
                        String.valueOf(lookup.call().args().getOrDefault("orderId", supportCase.orderId())),
                        "Looking the order up again, as a reviewer asked" + Texts.inParentheses(lookup.text()) + ".");
            default -> proposeFirstRefund(lookup, supportCase, transcript);
        };
    }

    private AgentStep proposeFirstRefund(
            TranscriptEntry lookup, SupportCase supportCase, SupportTranscript transcript) {
        Optional<SupportTranscript.Guided> guided = transcript.latestGuidedAmount();
        BigDecimal amount = guided.map(SupportTranscript.Guided::amount).orElse(supportCase.amount());
        OrderFacts order = OrderFacts.of(lookup);
        String currency = supportCase.currency() != null ? supportCase.currency() : order.currencyOr("USD");
        String note = guided.map(g -> " Amount " + Money.format(g.amount(), currency) + " (instead of "
                        + Money.format(supportCase.amount(), currency) + ") from guidance: \""
                        + Texts.abbreviate(g.text(), QUOTED_CHARS) + "\".")
                .orElse("");
        return proposeRefund(supportCase.orderId(), amount, currency, supportCase, order, note);
    }

    private AgentStep afterRefund(TranscriptEntry refund, SupportCase supportCase, SupportTranscript transcript) {
        if (refund.kind() == TranscriptKind.CHANGES_REQUESTED) {
            return reproposeRefund(refund, supportCase, transcript);
        }
        RefundOutcome outcome = RefundOutcome.of(refund, supportCase);
        return AgentStep.call(new ToolCall(
                SendEmailTool.NAME,
                CustomerEmails.about(outcome, supportCase.customer()),
                "Tell the customer what became of their refund: " + outcome.summary() + ".",
                CONFIDENCE,
                List.of()));
    }

    private AgentStep reproposeRefund(TranscriptEntry sentBack, SupportCase supportCase, SupportTranscript transcript) {
        RefundOutcome previous = RefundOutcome.of(sentBack, supportCase);
        String feedback = previous.text();
        Optional<BigDecimal> asked = AmountInText.firstAboutMoney(feedback);
        BigDecimal amount = asked.orElse(previous.amount());
        String before = Money.format(previous.amount(), previous.currency());
        String note = " A reviewer asked for changes"
                + (feedback.isEmpty() ? "" : ": \"" + Texts.abbreviate(feedback, QUOTED_CHARS) + "\"")
                + asked.map(a ->
                                "; amount changed from " + before + " to " + Money.format(a, previous.currency()) + ".")
                        .orElse("; amount kept at " + before + ".");
        OrderFacts order =
                transcript.latest(LookupOrderTool.NAME).map(OrderFacts::of).orElse(OrderFacts.NONE);
        return proposeRefund(previous.orderId(), amount, previous.currency(), supportCase, order, note);
    }

    private AgentStep proposeRefund(
            String orderId,
            BigDecimal amount,
            String currency,
            SupportCase supportCase,
            OrderFacts order,
            String note) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("orderId", orderId);
        args.put("amount", Money.normalize(amount));
        args.put("currency", currency);
        String rationale = "Customer reported \"" + supportCase.complaint() + "\"; " + order.describe(amount, currency)
                + "refund " + Money.format(amount, currency) + "." + note;
        return AgentStep.call(new ToolCall(IssueRefundTool.NAME, args, rationale, CONFIDENCE, List.of()));
    }

    private AgentStep afterEmail(TranscriptEntry email, SupportCase supportCase, SupportTranscript transcript) {
        String refund = transcript
                .latest(IssueRefundTool.NAME)
                .map(entry -> RefundOutcome.of(entry, supportCase).summary())
                .orElse("No refund was made for order " + supportCase.orderId());
        return switch (email.kind()) {
            case TOOL_RESULT -> AgentStep.finish(refund + "; customer emailed.");
            case CHANGES_REQUESTED ->
                AgentStep.call(new ToolCall(
                        SendEmailTool.NAME,
                        email.call().args(),
                        "A reviewer asked for changes to this email" + Texts.inParentheses(email.text())
                                + ". This scripted agent cannot reword it: edit the call to change the text.",
                        CONFIDENCE,
                        List.of()));
            case REJECTED ->
                AgentStep.finish(refund + "; the email to the customer was rejected by a reviewer"
                        + Texts.inParentheses(email.text()) + ".");
            case DENIED ->
                AgentStep.finish(refund + "; the email to the customer was not allowed"
                        + Texts.inParentheses(email.text()) + ".");
            default ->
                AgentStep.finish(
                        refund + "; the email to the customer failed" + Texts.inParentheses(email.text()) + ".");
        };
    }

    private static AgentStep lookUpOrder(String orderId, String rationale) {
        return AgentStep.call(
                new ToolCall(LookupOrderTool.NAME, Map.of("orderId", orderId), rationale, CONFIDENCE, List.of()));
    }
}
