package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompensationActivityTest {

    private final CompensatingTools.Recorder reverse = new CompensatingTools.Recorder();
    private final ToolActivitiesImpl activities = new ToolActivitiesImpl(new ToolRegistry(List.of(
            CompensatingTools.tool("refund", List.of(), Compensation.by("reverse_refund", reverse)),
            CompensatingTools.tool("lookup", List.of(), Compensation.none()),
            CompensatingTools.tool("wire_money", List.of(), Compensation.irreversible()),
            CompensatingTools.tool("flaky", List.of(), Compensation.by("undo_flaky", request -> {
                throw new ToolException("ProviderDown", "the provider is down", true);
            })))));

    private static CompensationRequest request(String tool) {
        return new CompensationRequest(
                "t1",
                "a2",
                tool,
                "reverse_refund",
                Map.of("amount", 250),
                Map.of("refundId", "RF-1"),
                CompensationRequest.idempotencyKey("t1", "a2"));
    }

    @Test
    void executionNamesTheCompensationThatUndoesIt() {
        assertThat(activities
                        .executeTool(new ToolInvocation("t1", "a2", "refund", Map.of(), null, "t1/a2"))
                        .compensation())
                .isEqualTo("reverse_refund");
        assertThat(activities
                        .executeTool(new ToolInvocation("t1", "a1", "lookup", Map.of(), null, "t1/a1"))
                        .compensation())
                .isNull();
        assertThat(activities
                        .executeTool(new ToolInvocation("t1", "a3", "wire_money", Map.of(), null, "t1/a3"))
                        .compensation())
                .isNull();
    }

    @Test
    void compensationReceivesTheOriginalArgumentsResultAndItsOwnKey() {
        ToolResult result = activities.compensate(request("refund"));

        assertThat(result.output()).containsEntry("undone", "t1/a2/compensate");
        CompensationRequest received = reverse.requests.get(0);
        assertThat(received.args()).containsEntry("amount", 250);
        assertThat(received.result()).containsEntry("refundId", "RF-1");
        assertThat(received.idempotencyKey()).isEqualTo("t1/a2/compensate");
    }

    @Test
    void toolWithoutCompensationFailsWithoutRetries() {
        for (String tool : List.of("lookup", "wire_money", "no_such_tool")) {
            assertThatThrownBy(() -> activities.compensate(request(tool)))
                    .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                        assertThat(failure.getType()).isEqualTo(ToolActivitiesImpl.NO_COMPENSATION);
                        assertThat(failure.isNonRetryable()).isTrue();
                    });
        }
    }

    @Test
    void retryableCompensationFailureIsRetriedByTemporal() {
        assertThatThrownBy(() -> activities.compensate(request("flaky")))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("ProviderDown");
                    assertThat(failure.isNonRetryable()).isFalse();
                });
    }
}
