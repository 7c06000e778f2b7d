package dev.countersign.history;

import dev.countersign.approval.DecisionKind;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.update.v1.Request;
import io.temporal.common.converter.DataConverter;
import io.temporal.internal.history.LocalActivityMarkerMetadata;
import io.temporal.internal.history.LocalActivityMarkerUtils;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a workflow's history events and tells them as a task's timeline. The tables in the
 * constructor are the whole mapping: which history events, activity types, Updates and signals
 * tell something, and who tells it. An activity that ran as a local activity is told from its
 * marker as it would be from its outcome. Anything without an entry is technical (workflow tasks,
 * other markers, search attributes, timers, activity starts) or unknown to this version and is
 * skipped; an event that cannot be read is skipped too, so histories of older and newer workflow
 * versions always read. This class pairs what history records apart: an activity's outcome with its
 * scheduling (type and input), an Update's completion with its acceptance (name and argument), and
 * a policy evaluation with the reviewer's edit it checks. A task that continued as new is read as
 * one story over all its runs: its start is told once, each seam once (CONTINUED_AS_NEW), and the
 * pairing starts over in every run, whose event ids start over at 1.
 */
final class TimelineBuilder {

    private static final Logger log = LoggerFactory.getLogger(TimelineBuilder.class);

    private final Map<EventType, Consumer<HistoryEvent>> byEventType = new EnumMap<>(EventType.class);
    private final Map<String, ActivityResult> byActivityResult = new HashMap<>();
    private final Map<String, ActivityFailure> byActivityFailure = new HashMap<>();
    private final Map<String, UpdateResult> byUpdateResult = new HashMap<>();
    private final Map<String, SignalInput> bySignal = new HashMap<>();

    private final DataConverter converter;
    private final Story story;
    private final PeopleEntries people;
    private final EndingEntries endings;
    private final RunEntries runs;
    private final Map<Long, ScheduledActivity> scheduled = new HashMap<>();
    private final Map<String, UpdateRequest> admitted = new HashMap<>();
    private final Map<String, UpdateRequest> accepted = new HashMap<>();
    private final Deque<UpdateRequest> editsAwaitingPolicy = new ArrayDeque<>();

    private TimelineBuilder(String taskId, DataConverter converter) {
        this.converter = converter;
        this.story = new Story(taskId);
        this.people = new PeopleEntries(story);
        ReviewEntries reviews = new ReviewEntries(story);
        this.endings = new EndingEntries(story);
        this.runs = new RunEntries(story);
        AgentEntries agent = new AgentEntries(story, converter);

        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, this::started);
        byEventType.put(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, this::activityScheduled);
        byEventType.put(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, this::activityCompleted);
        byEventType.put(EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED, this::activityFailed);
        byEventType.put(EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT, this::activityTimedOut);
        byEventType.put(EventType.EVENT_TYPE_MARKER_RECORDED, this::markerRecorded);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED, this::updateAdmitted);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED, this::updateAccepted);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED, this::updateCompleted);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, this::signaled);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED, people::temporalCancelRequested);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, this::workflowCompleted);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, endings::failed);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT, endings::timedOut);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, endings::canceled);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, endings::terminated);
        byEventType.put(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW, runs::continuedAsNew);

        byActivityResult.put("NextStep", agent::nextStep);
        byActivityResult.put("EvaluatePolicy", agent::verdict);
        byActivityResult.put("ExecuteTool", agent::executed);
        byActivityResult.put("NotifyReviewers", agent::notified);
        byActivityFailure.put("EvaluatePolicy", agent::policyFailed);
        byActivityFailure.put("ExecuteTool", agent::toolFailed);

        byUpdateResult.put("decide", people::decided);
        byUpdateResult.put("answer", people::answered);
        byUpdateResult.put("cancel", people::cancelRequested);
        byUpdateResult.put("cancelAndRollBack", people::cancelRequested);
        byUpdateResult.put("review", reviews::reviewed);
        byUpdateResult.put("rollback", reviews::rolledBack);
        byUpdateResult.put("attend", reviews::attended);
        bySignal.put("guide", people::guided);
    }

    /** The timeline of these events, oldest first; {@code taskId} names approvals unless the start does. */
    static List<TimelineEvent> timeline(String taskId, List<HistoryEvent> history, DataConverter converter) {
        return timeline(taskId, new RunHistories(taskId, List.of(new RunHistory("", history)), true), converter);
    }

    /**
     * The timeline of every run, oldest first, told as one story; when later runs were left unread
     * it ends with a TRUNCATED entry, and when the first runs are gone it begins with one.
     */
    static List<TimelineEvent> timeline(String taskId, RunHistories history, DataConverter converter) {
        TimelineBuilder builder = new TimelineBuilder(taskId, converter);
        if (history.beginningMissing() && !history.runs().isEmpty()) {
            builder.runs.beginningMissing(history.runs().get(0).events());
        }
        for (RunHistory run : history.runs()) {
            builder.newRun();
            run.events().forEach(builder::read);
        }
        if (!history.complete() && !history.runs().isEmpty()) {
            List<HistoryEvent> last =
                    history.runs().get(history.runs().size() - 1).events();
            if (!last.isEmpty()) {
                builder.runs.truncated(last.get(last.size() - 1), history.runs().size(), history.eventCount());
            }
        }
        return builder.story.events();
    }

    /** What pairs events is local to a run: event ids start over, and nothing stays open across a seam. */
    private void newRun() {
        scheduled.clear();
        admitted.clear();
        accepted.clear();
        editsAwaitingPolicy.clear();
    }

    private void read(HistoryEvent event) {
        Consumer<HistoryEvent> mapping = byEventType.get(event.getEventType());
        if (mapping == null) {
            return;
        }
        try {
            mapping.accept(event);
        } catch (RuntimeException unreadable) {
            // Another workflow version may record what this one cannot read: that event is left out, never fatal.
            log.debug(
                    "task {}: history event {} ({}) left out of the timeline: {}",
                    story.taskId(),
                    event.getEventId(),
                    event.getEventType(),
                    unreadable.toString());
        }
    }

    /**
     * A run that continued an earlier one starts with the task's start and the carried state: the
     * seam was told at the earlier run's end, and the carried state is the workflow's business.
     */
    private void started(HistoryEvent event) {
        var attributes = event.getWorkflowExecutionStartedEventAttributes();
        if (!attributes.getContinuedExecutionRunId().isEmpty() && story.continued()) {
            return;
        }
        people.started(event, decode(attributes.getInput()));
    }

    private void activityScheduled(HistoryEvent event) {
        var attributes = event.getActivityTaskScheduledEventAttributes();
        scheduled.put(
                event.getEventId(),
                scheduledActivity(attributes.getActivityType().getName(), attributes.getInput()));
    }

    private ScheduledActivity scheduledActivity(String type, Payloads input) {
        UpdateRequest edit = type.equals("EvaluatePolicy") ? editsAwaitingPolicy.poll() : null;
        return new ScheduledActivity(type, input, edit);
    }

    private void activityCompleted(HistoryEvent event) {
        var attributes = event.getActivityTaskCompletedEventAttributes();
        activityCompleted(event, scheduled.get(attributes.getScheduledEventId()), attributes.getResult());
    }

    private void activityCompleted(HistoryEvent event, ScheduledActivity activity, Payloads result) {
        ActivityResult mapping = activity == null ? null : byActivityResult.get(activity.type());
        if (mapping != null) {
            mapping.tell(event, activity, decode(result));
        }
    }

    private void activityFailed(HistoryEvent event) {
        var attributes = event.getActivityTaskFailedEventAttributes();
        activityFailed(event, scheduled.get(attributes.getScheduledEventId()), attributes.getFailure());
    }

    private void activityTimedOut(HistoryEvent event) {
        var attributes = event.getActivityTaskTimedOutEventAttributes();
        activityFailed(event, scheduled.get(attributes.getScheduledEventId()), attributes.getFailure());
    }

    private void activityFailed(HistoryEvent event, ScheduledActivity activity, Failure failure) {
        ActivityFailure mapping = activity == null ? null : byActivityFailure.get(activity.type());
        if (mapping != null) {
            mapping.tell(event, activity, failure);
        }
    }

    /**
     * A local activity records no events of its own, only this marker: its type, input and outcome.
     * The SDK writes the type and the metadata with its standard converter, whatever the client's,
     * so they are read with the SDK's own reader. Other markers (versions, side effects) are the
     * workflow's business. A failed attempt that the workflow retries after a backoff, and a
     * cancellation, are not told, as they are not for an activity.
     */
    private void markerRecorded(HistoryEvent event) {
        var attributes = event.getMarkerRecordedEventAttributes();
        if (!attributes.getMarkerName().equals(LocalActivityMarkerUtils.MARKER_NAME)) {
            return;
        }
        ScheduledActivity activity = scheduledActivity(
                LocalActivityMarkerUtils.getActivityTypeName(attributes),
                attributes.getDetailsMap().get(LocalActivityMarkerUtils.MARKER_ACTIVITY_INPUT_KEY));
        if (!attributes.hasFailure()) {
            activityCompleted(event, activity, LocalActivityMarkerUtils.getResult(attributes));
            return;
        }
        LocalActivityMarkerMetadata metadata = LocalActivityMarkerUtils.getMetadata(attributes);
        boolean retried = metadata != null && metadata.getBackoff() != null;
        if (!retried && !attributes.getFailure().hasCanceledFailureInfo()) {
            activityFailed(event, activity, Failures.ofLocalActivity(attributes.getFailure()));
        }
    }

    /** A server that admits Updates durably records the request here and not on acceptance. */
    private void updateAdmitted(HistoryEvent event) {
        Request request =
                event.getWorkflowExecutionUpdateAdmittedEventAttributes().getRequest();
        admitted.put(request.getMeta().getUpdateId(), request(request));
    }

    private void updateAccepted(HistoryEvent event) {
        var attributes = event.getWorkflowExecutionUpdateAcceptedEventAttributes();
        String updateId = attributes.getProtocolInstanceId();
        UpdateRequest request =
                attributes.hasAcceptedRequest() ? request(attributes.getAcceptedRequest()) : admitted.get(updateId);
        if (request == null) {
            return;
        }
        accepted.put(updateId, request);
        // An edit's handler has the policy evaluate the edited call before it completes.
        if (request.name().equals("decide") && PeopleEntries.kindOf(request.args()) == DecisionKind.EDIT) {
            editsAwaitingPolicy.add(request);
        }
    }

    private void updateCompleted(HistoryEvent event) {
        var attributes = event.getWorkflowExecutionUpdateCompletedEventAttributes();
        UpdateRequest request = accepted.remove(attributes.getMeta().getUpdateId());
        if (request == null) {
            return;
        }
        editsAwaitingPolicy.remove(request);
        if (attributes.getOutcome().hasFailure()) {
            people.refused(event, request, attributes.getOutcome().getFailure());
            return;
        }
        UpdateResult mapping = byUpdateResult.get(request.name());
        if (mapping != null) {
            mapping.tell(event, request.args(), decode(attributes.getOutcome().getSuccess()));
        }
    }

    private void signaled(HistoryEvent event) {
        var attributes = event.getWorkflowExecutionSignaledEventAttributes();
        SignalInput mapping = bySignal.get(attributes.getSignalName());
        if (mapping != null) {
            mapping.tell(event, decode(attributes.getInput()));
        }
    }

    /** The end is told even when the workflow's result cannot be read. */
    private void workflowCompleted(HistoryEvent event) {
        Decoded view;
        try {
            view = decode(event.getWorkflowExecutionCompletedEventAttributes().getResult());
        } catch (RuntimeException unreadable) {
            log.debug("task {}: the workflow's result cannot be read: {}", story.taskId(), unreadable.toString());
            view = Decoded.EMPTY;
        }
        endings.completed(event, view);
    }

    private UpdateRequest request(Request request) {
        return new UpdateRequest(
                request.getInput().getName(), decode(request.getInput().getArgs()));
    }

    private Decoded decode(Payloads payloads) {
        return Decoded.first(converter, payloads);
    }

    @FunctionalInterface
    private interface ActivityResult {
        void tell(HistoryEvent event, ScheduledActivity activity, Decoded result);
    }

    @FunctionalInterface
    private interface ActivityFailure {
        void tell(HistoryEvent event, ScheduledActivity activity, Failure failure);
    }

    @FunctionalInterface
    private interface UpdateResult {
        void tell(HistoryEvent event, Decoded request, Decoded result);
    }

    @FunctionalInterface
    private interface SignalInput {
        void tell(HistoryEvent event, Decoded input);
    }
}
