package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupportAgentBadInputTest {

    @Test
    void aMissingOrderIdEndsTheTaskNamingIt() {
        assertThat(finishFor("orderId", null)).contains("orderId is missing").doesNotContain("amount is");
    }

    @Test
    void aMissingAmountEndsTheTaskNamingIt() {
        assertThat(finishFor("amount", null)).contains("amount is missing");
    }

    @Test
    void aMissingCustomerEndsTheTaskNamingIt() {
        assertThat(finishFor("customer", "  ")).contains("customer (the customer's email address) is missing");
    }

    @Test
    void anAmountThatIsNotAPositiveNumberEndsTheTask() {
        assertThat(finishFor("amount", "lots")).contains("amount must be a number, not 'lots'");
        assertThat(finishFor("amount", 0)).contains("amount must be more than 0");
        assertThat(finishFor("amount", -5)).contains("amount must be more than 0");
    }

    @Test
    void aCustomerThatIsNotAnEmailAddressEndsTheTask() {
        assertThat(finishFor("customer", "Ana Silva")).contains("customer must be an email address, not 'Ana Silva'");
    }

    @Test
    void anEmptyInputNamesEverythingMissingWithoutThrowing() {
        AgentStep step = new SupportAgent().nextStep(new AgentRequest("task-1", "support", null, null, null));

        assertThat(step.kind()).isEqualTo(StepKind.FINISH);
        assertThat(step.summary())
                .startsWith("Nothing done: the task input is incomplete (")
                .contains(
                        "orderId is missing",
                        "amount is missing",
                        "customer (the customer's email address) is missing");
    }

    @Test
    void aMissingCurrencyIsNotAProblem() {
        Map<String, Object> input = Conversation.standardInput();
        input.remove("currency");

        assertThat(Conversation.with(input).next().kind()).isEqualTo(StepKind.TOOL_CALL);
    }

    private static String finishFor(String field, Object value) {
        Map<String, Object> input = Conversation.standardInput();
        input.put(field, value);
        AgentStep step = Conversation.with(input).next();
        assertThat(step.kind()).isEqualTo(StepKind.FINISH);
        return step.summary();
    }
}
