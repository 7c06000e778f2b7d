package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.ToolCall;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupportAgentGuidanceTest {

    @Test
    void guidanceWithAnAmountBeforeTheProposalReplacesTheAmount() {
        Conversation conversation = Conversation.standard().guidance("only refund 150, shipping is not refundable");

        ToolCall refund = conversation.lookedUpA1().nextCall("issue_refund");

        assertThat(refund.args()).containsEntry("amount", new BigDecimal("150"));
        assertThat(refund.rationale()).contains("Amount 150 USD (instead of 200 USD) from guidance");
    }

    @Test
    void theLatestGuidanceWithAnAmountCounts() {
        Conversation conversation = Conversation.standard()
                .guidance("refund 150")
                .guidance("sorry, $175.25")
                .guidance("customer is a regular");

        assertThat(conversation.lookedUpA1().nextCall("issue_refund").args())
                .containsEntry("amount", new BigDecimal("175.25"));
    }

    @Test
    void guidanceWithANumberThatIsNotAboutMoneyIsIgnored() {
        Conversation conversation = Conversation.standard().guidance("check the last 2 orders of this customer");

        assertThat(conversation.lookedUpA1().nextCall("issue_refund").args())
                .containsEntry("amount", new BigDecimal("200"));
    }

    @Test
    void guidanceAfterTheRefundRanDoesNotChangeWhatTheEmailSays() {
        Conversation conversation = Conversation.standard().lookedUpA1();
        conversation.ran(
                conversation.nextCall("issue_refund"),
                Map.of("refundId", "RF-1", "orderId", "A-1", "amount", 200, "currency", "USD"));
        conversation.guidance("refund 50 next time");

        assertThat((String) conversation.nextCall("send_email").args().get("body"))
                .contains("We have refunded 200 USD");
    }
}
