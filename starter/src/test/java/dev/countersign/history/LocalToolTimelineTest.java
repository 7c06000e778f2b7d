package dev.countersign.history;

import static dev.countersign.history.SeamEvents.completed;
import static dev.countersign.history.SeamEvents.failed;
import static dev.countersign.history.SeamEvents.marker;
import static dev.countersign.history.SeamEvents.scheduled;
import static dev.countersign.history.SeamEvents.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.ToolCall;
import dev.countersign.task.TaskStart;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.failure.v1.ActivityFailureInfo;
import io.temporal.api.failure.v1.CanceledFailureInfo;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.internal.history.LocalActivityMarkerMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tool that ran as a local activity leaves one LocalActivity marker in history instead of an
 * activity's events; the timeline tells it from that marker exactly as it tells the activity, at the
 * marker's event. Other markers, and local activities it has no entry for, tell nothing.
 */
class LocalToolTimelineTest {

    private static final DataConverter CONVERTER = DataConverter.getDefaultInstance();
    private static final ToolCall REFUND =
            new ToolCall("issue_refund", Map.of("orderId", "A-1", "amount", 5), "asked", 0.8, List.of());
    private static final ToolInvocation INVOCATION =
            new ToolInvocation("t-7", "a1", "issue_refund", Map.of("orderId", "A-1", "amount", 5), "d", "t-7/a1");
    private static final ToolResult RESULT = new ToolResult(Map.of("refundId", "RF-1"));

    private final List<HistoryEvent> proposal = List.of(
            started(1, "", new TaskStart("t-7", "refunds", "refund A-1", Map.of(), "dave")),
            scheduled(2, "NextStep", new StepRequest("t-7", "run-1", "refunds", 1, "refund A-1", Map.of(), 0, null)),
            completed(3, 2, AgentStep.call(REFUND)));

    @Test
    void toolThatSucceededIsToldAsExecutedWithItsResult() {
        List<TimelineEvent> timeline = timeline(executed(4));

        assertThat(timeline)
                .extracting(TimelineEvent::kind)
                .containsExactly(TimelineKind.STARTED, TimelineKind.PROPOSED, TimelineKind.EXECUTED);
        TimelineEvent executed = timeline.get(2);
        assertThat(executed.eventId()).isEqualTo(4);
        assertThat(executed.at()).isEqualTo(Instant.ofEpochSecond(1_700_000_004L));
        assertThat(executed.summary()).isEqualTo("issue_refund ran: refundId=RF-1.");
        assertThat(executed.details())
                .containsEntry("tool", "issue_refund")
                .containsEntry("args", Map.of("orderId", "A-1", "amount", 5))
                .containsEntry("result", Map.of("refundId", "RF-1"))
                .containsEntry("idempotencyKey", "t-7/a1");
        assertThat(executed)
                .usingRecursiveComparison()
                .ignoringFields("eventId", "at")
                .isEqualTo(last(timeline(scheduled(4, "ExecuteTool", INVOCATION), completed(5, 4, RESULT))));
    }

    @Test
    void toolThatFailedIsToldAsFailedWithItsOwnError() {
        Failure declined = CONVERTER.exceptionToFailure(
                ApplicationFailure.newNonRetryableFailure("card declined", "PaymentDeclined"));

        TimelineEvent failed = last(timeline(marker(4, toolFailed(declined))));

        assertThat(failed.kind()).isEqualTo(TimelineKind.TOOL_FAILED);
        assertThat(failed.eventId()).isEqualTo(4);
        assertThat(failed.summary()).isEqualTo("issue_refund failed: card declined.");
        assertThat(failed.details())
                .containsEntry("error", "card declined")
                .containsEntry("errorType", "PaymentDeclined")
                .containsEntry("args", Map.of("orderId", "A-1", "amount", 5));
        assertThat(failed)
                .usingRecursiveComparison()
                .ignoringFields("eventId", "at")
                .isEqualTo(last(timeline(scheduled(4, "ExecuteTool", INVOCATION), failed(5, 4, declined))));
    }

    @Test
    void toolWhoseOutcomeIsUnknownIsToldSo() {
        Failure unknown = CONVERTER.exceptionToFailure(ApplicationFailure.newNonRetryableFailure(
                "the worker stopped during an earlier attempt", ToolActivities.OUTCOME_UNKNOWN));

        TimelineEvent failed = last(timeline(marker(4, toolFailed(unknown))));

        assertThat(failed.kind()).isEqualTo(TimelineKind.OUTCOME_UNKNOWN);
        assertThat(failed.details()).containsEntry("errorType", ToolActivities.OUTCOME_UNKNOWN);
    }

    @Test
    void anAttemptRetriedAfterABackoffAndACancellationAreNotTold() {
        Failure busy = CONVERTER.exceptionToFailure(ApplicationFailure.newFailure("gateway busy", "Busy"));
        LocalActivityMarkerMetadata retried = new LocalActivityMarkerMetadata(1, 1_700_000_000_000L);
        retried.setBackoff(Duration.ofMinutes(2));
        Failure canceled = Failure.newBuilder()
                .setMessage("Local Activity canceled")
                .setCanceledFailureInfo(CanceledFailureInfo.getDefaultInstance())
                .build();

        List<TimelineEvent> timeline = timeline(
                marker(4, toolFailed(busy).putDetails("meta", payloads(retried))),
                executed(5),
                marker(6, localActivity("ExecuteTool", INVOCATION).setFailure(canceled)));

        assertThat(timeline)
                .extracting(TimelineEvent::eventId, TimelineEvent::kind)
                .containsExactly(
                        tuple(1L, TimelineKind.STARTED),
                        tuple(3L, TimelineKind.PROPOSED),
                        tuple(5L, TimelineKind.EXECUTED));
    }

    @Test
    void otherLocalActivitiesAndOtherMarkersAddNothing() {
        List<TimelineEvent> told = timeline(
                marker(
                        4,
                        localActivity("LookupWeather", Map.of("city", "Oslo"))
                                .putDetails("result", payloads(Map.of("output", Map.of("sky", "grey"))))),
                marker(5, named("Version").putDetails("changeId", payloads("tool-runs-locally"))),
                marker(6, named("SideEffect").putDetails("data", payloads(42))));

        assertThat(told).isEqualTo(timeline());
    }

    @Test
    void anUnreadableMarkerIsLeftOutAndTheRestIsTold() {
        HistoryEvent unreadable = marker(
                4,
                localActivity("ExecuteTool", INVOCATION)
                        .putDetails("type", brokenJson())
                        .putDetails("result", payloads(RESULT)));

        List<TimelineEvent> timeline = timeline(unreadable, executed(5));

        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.EXECUTED)
                .extracting(TimelineEvent::eventId)
                .containsExactly(5L);
    }

    @Test
    void recordedToolThatRanLocallyIsToldAtItsMarker() {
        List<TimelineEvent> timeline = RecordedHistories.timeline("local-tool");

        assertThat(RecordedHistories.ofKind(timeline, TimelineKind.EXECUTED))
                .extracting(TimelineEvent::eventId, TimelineEvent::actionId, TimelineEvent::tool)
                .containsExactly(
                        tuple(26L, "a1", "lookup_order"),
                        tuple(76L, "a2", "issue_refund"),
                        tuple(91L, "a3", "send_email"));
        assertThat(timeline)
                .filteredOn(event -> event.eventId() == 76)
                .singleElement()
                .satisfies(refund -> assertThat(refund.details())
                        .containsEntry("result", Map.of("key", "task-1/a2", "ok", true))
                        .containsEntry("idempotencyKey", "task-1/a2"));
    }

    @Test
    void recordedToolThatFailedLocallyIsToldAtItsMarker() {
        List<TimelineEvent> timeline = RecordedHistories.timeline("local-tool-failed");

        assertThat(RecordedHistories.ofKind(timeline, TimelineKind.TOOL_FAILED))
                .singleElement()
                .satisfies(failed -> {
                    assertThat(failed.eventId()).isEqualTo(40);
                    assertThat(failed.summary()).isEqualTo("issue_refund failed: the ledger is closed.");
                    assertThat(failed.details()).containsEntry("errorType", "ToolBroke");
                });
    }

    private List<TimelineEvent> timeline(HistoryEvent... tool) {
        List<HistoryEvent> history = new ArrayList<>(proposal);
        history.addAll(List.of(tool));
        return TimelineBuilder.timeline("t-7", history, CONVERTER);
    }

    private static HistoryEvent executed(long id) {
        return marker(id, localActivity("ExecuteTool", INVOCATION).putDetails("result", payloads(RESULT)));
    }

    /** A LocalActivity marker as the SDK records it (LocalActivityStateMachine), its outcome still to add. */
    private static MarkerRecordedEventAttributes.Builder localActivity(String type, Object input) {
        return named("LocalActivity")
                .putDetails("activityId", payloads("1"))
                .putDetails("type", payloads(type))
                .putDetails("time", payloads(1_700_000_000_000L))
                .putDetails("input", payloads(input))
                .putDetails("meta", payloads(new LocalActivityMarkerMetadata(1, 1_700_000_000_000L)));
    }

    /** The SDK wraps the activity's own failure in one that names the local activity. */
    private static MarkerRecordedEventAttributes.Builder toolFailed(Failure cause) {
        return localActivity("ExecuteTool", INVOCATION)
                .setFailure(Failure.newBuilder()
                        .setMessage("Local Activity task failed")
                        .setActivityFailureInfo(ActivityFailureInfo.newBuilder()
                                .setActivityId("1")
                                .setActivityType(ActivityType.newBuilder().setName("ExecuteTool"))
                                .setRetryState(RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE))
                        .setCause(cause));
    }

    private static MarkerRecordedEventAttributes.Builder named(String name) {
        return MarkerRecordedEventAttributes.newBuilder().setMarkerName(name);
    }

    private static Payloads payloads(Object value) {
        return CONVERTER.toPayloads(value).orElseThrow();
    }

    private static Payloads brokenJson() {
        return Payloads.newBuilder()
                .addPayloads(Payload.newBuilder()
                        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                        .setData(ByteString.copyFromUtf8("{not json")))
                .build();
    }

    private static TimelineEvent last(List<TimelineEvent> timeline) {
        return timeline.get(timeline.size() - 1);
    }
}
