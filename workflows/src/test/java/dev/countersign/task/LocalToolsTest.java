package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tool registered as short and idempotent runs as a local activity: in the workflow task that
 * applies the decision (or the verdict), once, with the action's idempotency key, and its outcome is
 * the action's as for any tool. Other tools of the same task still run as activities.
 */
class LocalToolsTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void anApprovedLocalToolRunsOnceInTheWorkflowTaskOfTheDecision() {
        harness.policy.localTools.add("issue_refund");
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();

        DecisionResult decided = harness.approve(taskId, "alice");

        assertThat(decided.state()).isEqualTo(ApprovalState.APPROVED);
        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        ActionView refund = done.actions().get(1);
        assertThat(refund.tool()).isEqualTo("issue_refund");
        assertThat(refund.state()).isEqualTo(ActionState.EXECUTED);
        assertThat(refund.result()).containsEntry("ok", true);
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(1);
        assertThat(harness.tools.localInvocations).singleElement().satisfies(invocation -> {
            assertThat(invocation.tool()).isEqualTo("issue_refund");
            assertThat(invocation.idempotencyKey())
                    .isEqualTo(dev.countersign.tool.ToolInvocation.idempotencyKey(taskId, refund.actionId()));
        });

        List<HistoryEvent> history = harness.client.fetchHistory(taskId).getEvents();
        assertThat(localActivityTypes(history)).containsExactly("ExecuteTool");
        assertThat(history).filteredOn(LocalToolsTest::localToolsVersion).hasSize(1);
        assertThat(scheduledActivityTypes(history))
                .as("the lookup and the e-mail still run as activities, the refund does not")
                .filteredOn("ExecuteTool"::equals)
                .hasSize(2);
    }

    @Test
    void anAutoCallOfALocalToolRunsLocallyWithoutAnyoneAsked() {
        harness.policy.localTools.add("issue_refund");
        String taskId = harness.startRefund(5);

        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.actions().get(1).state()).isEqualTo(ActionState.EXECUTED);
        assertThat(harness.tools.localInvocations)
                .extracting(invocation -> invocation.tool())
                .containsExactly("issue_refund");
        assertThat(harness.tools.sideEffects.values())
                .filteredOn(invocation -> invocation.tool().equals("issue_refund"))
                .hasSize(1);
    }

    @Test
    void aLocalToolThatFailsFailsItsActionAndTheAgentHearsIt() {
        harness.policy.localTools.add("issue_refund");
        harness.tools.failWith.put("issue_refund", "the ledger is closed");
        String taskId = harness.startRefund(5);

        TaskView done = harness.result(taskId);

        ActionView refund = done.actions().get(1);
        assertThat(refund.state()).isEqualTo(ActionState.FAILED);
        assertThat(refund.error()).contains("the ledger is closed");
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(1);
        assertThat(localActivityTypes(harness.client.fetchHistory(taskId).getEvents()))
                .containsExactly("ExecuteTool");
    }

    @Test
    void withoutTheRegistrationEveryToolRunsAsAnActivity() {
        String taskId = harness.startRefund(5);

        harness.result(taskId);

        List<HistoryEvent> history = harness.client.fetchHistory(taskId).getEvents();
        assertThat(localActivityTypes(history)).isEmpty();
        assertThat(harness.tools.localInvocations).isEmpty();
        assertThat(history)
                .as("no version marker of the change in a run that has no local tool")
                .noneMatch(event -> event.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
                        && event.getMarkerRecordedEventAttributes()
                                .getMarkerName()
                                .equals("Version")
                        && event.toString().contains(ToolCalls.LOCAL_TOOLS));
    }

    /** The activity types of the local activities the history recorded, in order. */
    static List<String> localActivityTypes(List<HistoryEvent> history) {
        return history.stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
                .map(HistoryEvent::getMarkerRecordedEventAttributes)
                .filter(marker -> marker.getMarkerName().equals("LocalActivity"))
                .map(marker -> DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
                        0, java.util.Optional.of(marker.getDetailsOrThrow("type")), String.class, String.class))
                .toList();
    }

    private static boolean localToolsVersion(HistoryEvent event) {
        return event.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
                && event.getMarkerRecordedEventAttributes().getMarkerName().equals("Version")
                && event.getMarkerRecordedEventAttributes()
                        .getDetailsOrThrow("changeId")
                        .toString()
                        .contains(ToolCalls.LOCAL_TOOLS);
    }

    private static List<String> scheduledActivityTypes(List<HistoryEvent> history) {
        return history.stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .map(event -> event.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName())
                .toList();
    }
}
