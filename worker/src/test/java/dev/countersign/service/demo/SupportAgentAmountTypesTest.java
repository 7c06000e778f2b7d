package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.ToolCall;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Temporal's payload converter hands numbers back as Integer, Long or Double; all are amounts. */
class SupportAgentAmountTypesTest {

    static Stream<Object> twoHundredAndAHalf() {
        return Stream.of(200.5, 200.50f, new BigDecimal("200.50"), "200.50", " 200.5 ");
    }

    static Stream<Object> twoHundred() {
        return Stream.of(200, 200L, 200.0, new BigDecimal("200.00"), new BigDecimal("2E+2"), "200");
    }

    @ParameterizedTest
    @MethodSource("twoHundredAndAHalf")
    void anyNumberOrNumericTextIsAnAmount(Object amount) {
        assertThat(refundProposedFor(amount).args()).containsEntry("amount", new BigDecimal("200.5"));
    }

    @ParameterizedTest
    @MethodSource("twoHundred")
    void aWholeAmountIsProposedAsAWholeNumber(Object amount) {
        ToolCall refund = refundProposedFor(amount);

        assertThat(refund.args()).containsEntry("amount", new BigDecimal("200"));
        assertThat(refund.rationale()).contains("refund 200 USD.");
    }

    private static ToolCall refundProposedFor(Object amount) {
        Map<String, Object> input = Conversation.standardInput();
        input.put("amount", amount);
        return Conversation.with(input).lookedUpA1().nextCall("issue_refund");
    }
}
