package dev.countersign.activities.tool.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.ArgsDigest;
import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolMethodsRunInTheToolActivityTest {

    private final RefundDesk desk = new RefundDesk();
    private final ToolActivitiesImpl activities = new ToolActivitiesImpl(new ToolRegistry(ToolMethods.on(desk)));

    private static ToolInvocation call(String tool, Map<String, Object> args) {
        return new ToolInvocation("t1", "a1", tool, args, ArgsDigest.of(tool, args), "t1/a1");
    }

    @Test
    void argumentsAreConvertedToTheParameterTypesAndTheKeyComesThroughTheToolContext() {
        ToolResult result = activities.executeTool(
                call("issue_refund", Map.of("orderId", "o-7", "amount", 12.5, "reason", "LATE")));

        assertThat(desk.calls).containsExactly("refund o-7 12.5 LATE key t1/a1");
        assertThat(result.output()).containsEntry("order", "o-7").containsEntry("refunded", new BigDecimal("12.5"));
        assertThat(result.compensation()).isEqualTo("reverseRefund");
    }

    @Test
    void aResultThatIsNoObjectComesUnderResultAndARecordAsAnObject() {
        assertThat(activities
                        .executeTool(call("count_open_tickets", Map.of("customer", "c-1")))
                        .output())
                .isEqualTo(Map.of("result", 3));
        assertThat(activities
                        .executeTool(call("findOrder", Map.of("orderId", "o-7")))
                        .output())
                .containsEntry("id", "o-7")
                .containsEntry("total", new BigDecimal("120.00"));
        assertThat(activities
                        .executeTool(call("close_account", Map.of("customer", "c-1")))
                        .output())
                .isEmpty();
    }

    @Test
    void invalidArgumentsAreRefusedBeforeTheMethodRuns() {
        Map<String, Object> missing = Map.of("orderId", "o-7", "reason", "LATE");
        Map<String, Object> unknown = Map.of("orderId", "o-7", "amount", 5, "reason", "LATE", "note", "x");
        Map<String, Object> wrongType = Map.of("orderId", 7, "amount", "five", "reason", "SOON");

        for (Map<String, Object> args : new Map[] {missing, unknown, wrongType}) {
            assertThatThrownBy(() -> activities.executeTool(call("issue_refund", args)))
                    .isInstanceOf(ApplicationFailure.class)
                    .satisfies(failure -> assertThat(((ApplicationFailure) failure).getType())
                            .isEqualTo(ToolActivitiesImpl.INVALID_ARGUMENTS))
                    .satisfies(failure -> assertThat(((ApplicationFailure) failure).isNonRetryable())
                            .isTrue());
        }
        assertThatThrownBy(() -> activities.executeTool(call("issue_refund", wrongType)))
                .hasMessageContaining("'orderId' must be a string")
                .hasMessageContaining("'amount' must be a number")
                .hasMessageContaining("'reason' must be one of [DAMAGED, LATE]");
        assertThat(desk.calls).isEmpty();
    }

    @Test
    void theCompensationMethodGetsTheOriginalArgumentsTheRequestAndItsOwnKey() {
        CompensationRequest request = new CompensationRequest(
                "t1",
                "a1",
                "issue_refund",
                "reverseRefund",
                Map.of("orderId", "o-7", "amount", new BigDecimal("12.5"), "reason", "LATE"),
                Map.of("refunded", 12.5),
                CompensationRequest.idempotencyKey("t1", "a1"));

        ToolResult result = activities.compensate(request);

        assertThat(result.output()).isEqualTo(Map.of("reversed", "o-7"));
        assertThat(desk.calls).containsExactly("reverse o-7 after {refunded=12.5} key t1/a1/compensate");
    }
}
