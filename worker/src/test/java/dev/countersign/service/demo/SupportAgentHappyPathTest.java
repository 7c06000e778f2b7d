package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepKind;
import dev.countersign.agent.ToolCall;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupportAgentHappyPathTest {

    @Test
    void servesTheSupportAgentProfile() {
        assertThat(new SupportAgent().agent()).isEqualTo("support");
    }

    @Test
    void firstStepLooksTheOrderUp() {
        ToolCall lookup = Conversation.standard().nextCall("lookup_order");

        assertThat(lookup.args()).containsExactly(Map.entry("orderId", "A-1"));
        assertThat(lookup.rationale()).contains("A-1", Conversation.GOAL);
    }

    @Test
    void afterTheLookupItProposesTheRefundWithTheOrderTotalInItsRationale() {
        ToolCall refund = Conversation.standard().lookedUpA1().nextCall("issue_refund");

        assertThat(refund.args())
                .containsExactly(
                        Map.entry("orderId", "A-1"),
                        Map.entry("amount", new BigDecimal("200")),
                        Map.entry("currency", "USD"));
        assertThat(refund.confidence()).isEqualTo(0.9);
        assertThat(refund.rationale())
                .isEqualTo(
                        "Customer reported \"Parcel arrived damaged\"; order total 250 USD (DELIVERED); refund 200 USD.");
    }

    @Test
    void aRefundAboveTheOrderTotalIsPointedOutToTheReviewer() {
        Map<String, Object> input = Conversation.standardInput();
        input.put("amount", 300);

        ToolCall refund = Conversation.with(input).lookedUpA1().nextCall("issue_refund");

        assertThat(refund.rationale()).contains("order total 250 USD (DELIVERED), less than the refund");
    }

    @Test
    void anUnknownOrderStillGetsARefundProposalThatSaysSo() {
        Conversation conversation = Conversation.standard();
        conversation.ran(conversation.nextCall("lookup_order"), Map.of("orderId", "A-1", "found", false));

        ToolCall refund = conversation.nextCall("issue_refund");

        assertThat(refund.args()).containsEntry("amount", new BigDecimal("200"));
        assertThat(refund.rationale()).contains("order A-1 is not in the order system");
    }

    @Test
    void withoutACurrencyInTheInputItTakesTheOrdersCurrency() {
        Map<String, Object> input = Conversation.standardInput();
        input.remove("currency");
        Conversation conversation = Conversation.with(input);
        Map<String, Object> euroOrder = new java.util.LinkedHashMap<>(Conversation.orderA1());
        euroOrder.put("currency", "EUR");
        conversation.ran(conversation.nextCall("lookup_order"), euroOrder);

        assertThat(conversation.nextCall("issue_refund").args()).containsEntry("currency", "EUR");
    }

    @Test
    void afterTheRefundRanItEmailsTheCustomerTheAmountThatRan() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        ToolCall proposed = conversation.nextCall("issue_refund");
        ToolCall edited = proposed.withArgs(Map.of("orderId", "A-1", "amount", 180.5, "currency", "USD"));
        conversation.ran(edited, Map.of("refundId", "RF-1", "orderId", "A-1", "amount", 180.5, "currency", "USD"));

        ToolCall email = conversation.nextCall("send_email");

        assertThat(email.args()).containsEntry("to", "ana.silva@example.com");
        assertThat(email.args().get("subject")).isEqualTo("Your refund for order A-1");
        assertThat((String) email.args().get("body")).contains("We have refunded 180.50 USD for order A-1");
    }

    @Test
    void afterTheEmailWentOutItFinishesWithASummary() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        ToolCall refund = conversation.nextCall("issue_refund");
        conversation.ran(refund, Map.of("refundId", "RF-1", "orderId", "A-1", "amount", 200, "currency", "USD"));
        conversation.ran(conversation.nextCall("send_email"), Map.of("emailId", "EM-1"));

        AgentStep finish = conversation.next();

        assertThat(finish.kind()).isEqualTo(StepKind.FINISH);
        assertThat(finish.summary()).isEqualTo("Refunded 200 USD for order A-1; customer emailed.");
    }

    @Test
    void theSameRequestAlwaysGivesTheSameStep() {
        Conversation conversation = Conversation.standard().lookedUpA1();

        assertThat(new SupportAgent().nextStep(conversation.request()))
                .isEqualTo(new SupportAgent().nextStep(conversation.request()));
    }
}
