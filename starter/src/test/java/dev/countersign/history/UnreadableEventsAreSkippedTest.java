package dev.countersign.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.ActivityTaskCompletedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.TimerStartedEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionSignaledEventAttributes;
import io.temporal.common.converter.DataConverter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The timeline reads histories of other workflow versions: what it cannot decode is left out, what
 * it does not know is skipped, and fields it does not know are ignored. It never throws.
 */
class UnreadableEventsAreSkippedTest {

    private final History recorded = RecordedHistories.load("v1-approve").getHistory();
    private final List<TimelineEvent> expected = RecordedHistories.timeline("v1-approve");

    @Test
    void eventWhosePayloadCannotBeDecodedIsLeftOut() {
        History damaged = withResult(recorded, 33, "{not json");

        List<TimelineEvent> timeline = timeline(damaged);

        assertThat(timeline).extracting(TimelineEvent::eventId).doesNotContain(33L);
        assertThat(timeline).hasSize(expected.size() - 2);
        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.DECISION)
                .singleElement()
                .satisfies(decision -> assertThat(decision.actor()).isEqualTo("alice"));
    }

    @Test
    void endIsToldEvenWhenTheResultCannotBeDecoded() {
        History damaged = withEvent(
                recorded,
                76,
                event -> event.setWorkflowExecutionCompletedEventAttributes(
                        event.getWorkflowExecutionCompletedEventAttributes().toBuilder()
                                .setResult(json("[broken"))));

        TimelineEvent end = last(timeline(damaged));

        assertThat(end.kind()).isEqualTo(TimelineKind.COMPLETED);
        assertThat(end.details()).containsEntry("status", "COMPLETED").doesNotContainKey("summary");
    }

    @Test
    void fieldsOfANewerWorkflowVersionAreIgnored() {
        History newer = withResult(
                recorded,
                33,
                "{\"outcome\":\"APPROVE\",\"rule\":\"medium-refunds\",\"policyHash\":\"h\",\"reason\":\"\","
                        + "\"tiers\":[{\"name\":\"leads\",\"groups\":[\"support-leads\"],\"approvals\":1,"
                        + "\"sla\":\"PT4H\",\"escalateTo\":\"finance\"}],\"argsDigest\":\"d\","
                        + "\"argumentsInvalid\":false,\"risk\":\"medium\",\"explanation\":{\"matched\":[1,2]}}");

        List<TimelineEvent> timeline = timeline(newer);

        assertThat(timeline).extracting(TimelineEvent::kind).containsExactlyElementsOf(kinds(expected));
        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.AWAITING_APPROVAL)
                .singleElement()
                .satisfies(awaiting -> assertThat(awaiting.details())
                        .containsEntry("tier", "leads")
                        .containsEntry("sla", "PT4H"));
    }

    @Test
    void activitiesSignalsAndEventsItDoesNotKnowAreSkipped() {
        List<HistoryEvent> events = new ArrayList<>(recorded.getEventsList());
        int afterHold = indexOf(events, 37);
        events.addAll(
                afterHold + 1,
                List.of(
                        scheduled(1001, "NotifyReviewers"),
                        completed(1002, 1001, "{\"sent\":3}"),
                        HistoryEvent.newBuilder()
                                .setEventId(1003)
                                .setEventType(EventType.EVENT_TYPE_TIMER_STARTED)
                                .setTimerStartedEventAttributes(
                                        TimerStartedEventAttributes.newBuilder().setTimerId("sla"))
                                .build(),
                        HistoryEvent.newBuilder()
                                .setEventId(1004)
                                .setEventType(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
                                .setWorkflowExecutionSignaledEventAttributes(
                                        WorkflowExecutionSignaledEventAttributes.newBuilder()
                                                .setSignalName("pause")
                                                .setInput(json("{\"by\":\"olga\"}")))
                                .build()));

        List<TimelineEvent> timeline =
                timeline(History.newBuilder().addAllEvents(events).build());

        assertThat(timeline).isEqualTo(expected);
    }

    @Test
    void completionWithoutItsScheduledActivityIsSkipped() {
        List<HistoryEvent> events = new ArrayList<>(recorded.getEventsList());
        events.add(indexOf(events, 37) + 1, completed(1002, 999, "{\"output\":{}}"));

        assertThat(timeline(History.newBuilder().addAllEvents(events).build())).isEqualTo(expected);
    }

    private static List<TimelineEvent> timeline(History history) {
        return TimelineBuilder.timeline("v1-approve", history.getEventsList(), DataConverter.getDefaultInstance());
    }

    private static History withResult(History history, long eventId, String json) {
        return withEvent(
                history,
                eventId,
                event -> event.setActivityTaskCompletedEventAttributes(
                        event.getActivityTaskCompletedEventAttributes().toBuilder()
                                .setResult(json(json))));
    }

    private static History withEvent(History history, long eventId, UnaryOperator<HistoryEvent.Builder> change) {
        History.Builder changed = History.newBuilder();
        for (HistoryEvent event : history.getEventsList()) {
            changed.addEvents(
                    event.getEventId() == eventId
                            ? change.apply(event.toBuilder()).build()
                            : event);
        }
        return changed.build();
    }

    private static HistoryEvent scheduled(long eventId, String activityType) {
        return HistoryEvent.newBuilder()
                .setEventId(eventId)
                .setEventType(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .setActivityTaskScheduledEventAttributes(ActivityTaskScheduledEventAttributes.newBuilder()
                        .setActivityType(ActivityType.newBuilder().setName(activityType))
                        .setInput(json("{}")))
                .build();
    }

    private static HistoryEvent completed(long eventId, long scheduledEventId, String result) {
        return HistoryEvent.newBuilder()
                .setEventId(eventId)
                .setEventType(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                .setActivityTaskCompletedEventAttributes(ActivityTaskCompletedEventAttributes.newBuilder()
                        .setScheduledEventId(scheduledEventId)
                        .setResult(json(result)))
                .build();
    }

    private static Payloads json(String json) {
        return Payloads.newBuilder()
                .addPayloads(Payload.newBuilder()
                        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                        .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8)))
                .build();
    }

    private static int indexOf(List<HistoryEvent> events, long eventId) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getEventId() == eventId) {
                return i;
            }
        }
        throw new IllegalArgumentException("no event " + eventId);
    }

    private static List<TimelineKind> kinds(List<TimelineEvent> timeline) {
        return timeline.stream().map(TimelineEvent::kind).toList();
    }

    private static TimelineEvent last(List<TimelineEvent> timeline) {
        return timeline.get(timeline.size() - 1);
    }
}
