package dev.countersign.history;

import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.ActivityTaskCompletedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskFailedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionCompletedEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionContinuedAsNewEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.common.converter.DataConverter;

/**
 * History events built by hand, for what a test workflow cannot produce at will: seams between runs,
 * and the markers of local activities.
 */
final class SeamEvents {

    private static final DataConverter CONVERTER = DataConverter.getDefaultInstance();

    private SeamEvents() {}

    static HistoryEvent started(long id, String continuedFrom, Object... input) {
        return event(id, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)
                .setWorkflowExecutionStartedEventAttributes(WorkflowExecutionStartedEventAttributes.newBuilder()
                        .setContinuedExecutionRunId(continuedFrom)
                        .setFirstExecutionRunId("run-1")
                        .setInput(payloads(input)))
                .build();
    }

    static HistoryEvent scheduled(long id, String activityType, Object input) {
        return event(id, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .setActivityTaskScheduledEventAttributes(ActivityTaskScheduledEventAttributes.newBuilder()
                        .setActivityType(ActivityType.newBuilder().setName(activityType))
                        .setInput(payloads(input)))
                .build();
    }

    static HistoryEvent completed(long id, long scheduledId, Object result) {
        return event(id, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                .setActivityTaskCompletedEventAttributes(ActivityTaskCompletedEventAttributes.newBuilder()
                        .setScheduledEventId(scheduledId)
                        .setResult(payloads(result)))
                .build();
    }

    static HistoryEvent failed(long id, long scheduledId, Failure failure) {
        return event(id, EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED)
                .setActivityTaskFailedEventAttributes(ActivityTaskFailedEventAttributes.newBuilder()
                        .setScheduledEventId(scheduledId)
                        .setFailure(failure))
                .build();
    }

    static HistoryEvent marker(long id, MarkerRecordedEventAttributes.Builder marker) {
        return event(id, EventType.EVENT_TYPE_MARKER_RECORDED)
                .setMarkerRecordedEventAttributes(marker)
                .build();
    }

    static HistoryEvent continuedAsNew(long id, String newRunId) {
        return event(id, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW)
                .setWorkflowExecutionContinuedAsNewEventAttributes(
                        WorkflowExecutionContinuedAsNewEventAttributes.newBuilder()
                                .setNewExecutionRunId(newRunId))
                .build();
    }

    static HistoryEvent workflowCompleted(long id, Object result) {
        return event(id, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)
                .setWorkflowExecutionCompletedEventAttributes(
                        WorkflowExecutionCompletedEventAttributes.newBuilder().setResult(payloads(result)))
                .build();
    }

    private static HistoryEvent.Builder event(long id, EventType type) {
        return HistoryEvent.newBuilder()
                .setEventId(id)
                .setEventType(type)
                .setEventTime(Timestamp.newBuilder().setSeconds(1_700_000_000L + id));
    }

    private static Payloads payloads(Object... values) {
        return CONVERTER.toPayloads(values).orElseThrow();
    }
}
