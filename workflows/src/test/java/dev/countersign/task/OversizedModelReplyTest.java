package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepKind;
import dev.countersign.agent.ToolCall;
import dev.countersign.payload.PayloadBounds;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OversizedModelReplyTest {

    private static final String HUGE = "z".repeat(OversizedToolResultTest.THREE_MB);

    private final ShapedRepliesAgent agent = new ShapedRepliesAgent(OversizedModelReplyTest::huge);
    private final TaskHarness harness = new TaskHarness(agent);

    @AfterEach
    void close() {
        harness.close();
    }

    /** Every rationale and the summary grow to 3 MB. */
    private static AgentStep huge(AgentStep step) {
        if (step.kind() == StepKind.FINISH) {
            return AgentStep.finish(step.summary() + HUGE);
        }
        if (step.kind() == StepKind.TOOL_CALL) {
            ToolCall call = step.toolCall();
            return AgentStep.call(
                    new ToolCall(call.tool(), call.args(), call.rationale() + HUGE, call.confidence(), call.tags()));
        }
        return step;
    }

    @Test
    void aThreeMegabyteRationaleAndSummaryAreKeptVisiblyTruncatedAndTheTaskCompletes() {
        String taskId = harness.startRefund(5);

        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        List<ActionView> actions = harness.everyAction(taskId, done);
        assertThat(actions).extracting(ActionView::tool).containsExactly("lookup_order", "issue_refund", "send_email");
        ActionView newest = actions.get(2);
        assertThat(newest.rationale()).startsWith("because the customer asked").contains("… [truncated: ");
        assertThat(PayloadBounds.utf8Length(newest.rationale())).isLessThanOrEqualTo(PayloadBounds.MAX_VALUE_BYTES);
        assertThat(done.summary()).startsWith("done: Refunded 5").endsWith("bytes]");
        assertThat(done.summary()).contains("… [truncated: " + PayloadBounds.utf8Length("done: Refunded 5.0" + HUGE));
        assertThat(PayloadBounds.utf8Length(done.summary())).isLessThanOrEqualTo(PayloadBounds.MAX_VALUE_BYTES);
        assertThat(OversizedToolResultTest.serializedBytes(done)).isLessThan(PayloadBounds.MAX_MESSAGE_BYTES);
        assertThat(agent.requests)
                .allSatisfy(request -> assertThat(OversizedToolResultTest.serializedBytes(request))
                        .isLessThan(PayloadBounds.MAX_MESSAGE_BYTES));
    }
}
