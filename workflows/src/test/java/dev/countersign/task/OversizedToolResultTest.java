package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.payload.PayloadBounds;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OversizedToolResultTest {

    static final int THREE_MB = 3 * 1024 * 1024;

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aToolReturningThreeMegabytesLeavesItsTaskWorkingWithTheResultVisiblyTruncated() {
        harness.tools.outputs.put("lookup_order", Map.of("report", "x".repeat(THREE_MB)));
        String taskId = harness.startRefund(5);

        TaskView afterLookup = harness.awaitView(
                taskId, view -> view.actions().size() > 1 || view.status().closed());
        Map<String, Object> result =
                TaskHarness.action(afterLookup, "lookup_order").result();
        assertThat(PayloadBounds.isTruncated(result))
                .as("the result is marked truncated: %s", result)
                .isTrue();
        assertThat(((Number) result.get("originalBytes")).intValue()).isGreaterThan(THREE_MB);
        assertThat(result.get("preview").toString()).startsWith("{\"report\":\"xxxx");

        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.actions())
                .extracting(ActionView::tool)
                .containsExactly("lookup_order", "issue_refund", "send_email");
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
        assertThat(serializedBytes(done)).isLessThan(PayloadBounds.MAX_MESSAGE_BYTES);
        assertThat(serializedBytes(harness.stub(taskId).view())).isLessThan(PayloadBounds.MAX_MESSAGE_BYTES);
    }

    @Test
    void aFailedToolsHugeErrorIsKeptCut() {
        harness.tools.failWith.put("lookup_order", "the shop is down: " + "y".repeat(THREE_MB));
        String taskId = harness.startRefund(5);

        TaskView failed = harness.awaitView(taskId, view -> view.actions().size() > 1);

        ActionView lookup = failed.actions().get(0);
        assertThat(lookup.state()).isEqualTo(ActionState.FAILED);
        assertThat(lookup.error()).startsWith("the shop is down: yyy").contains("… [truncated: ");
        assertThat(PayloadBounds.utf8Length(lookup.error())).isLessThanOrEqualTo(PayloadBounds.MAX_VALUE_BYTES);
        // The test agent tries again; the task goes on.
        assertThat(failed.status()).isEqualTo(TaskStatus.RUNNING);
    }

    static int serializedBytes(Object value) {
        return DefaultDataConverter.STANDARD_INSTANCE
                .toPayload(value)
                .orElseThrow()
                .getSerializedSize();
    }
}
