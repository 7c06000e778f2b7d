package dev.countersign.bench;

import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where one decision's milliseconds go, read from the workflow's history on the server: every event
 * from the Update's acceptance to the tool activity's completion, with its time after the acceptance
 * (the server's clock). Each workflow task, activity and search-attribute upsert in that list is a
 * round trip between the worker and the server. A local activity is a marker in the history of the
 * workflow task that ran it, shown with its activity type.
 */
final class GateAnatomy {

    // The SDK's names for a local activity's marker and the detail that holds its type.
    private static final String LOCAL_ACTIVITY = "LocalActivity";
    private static final String LOCAL_ACTIVITY_TYPE = "type";

    private final WorkflowClient client;

    GateAnatomy(WorkflowClient client) {
        this.client = client;
    }

    /** @param toolActivity the tool's activity type, or {@code local} when the tool runs as a local activity */
    String describe(String title, String workflowId, String toolActivity) {
        List<HistoryEvent> events = client.fetchHistory(workflowId).getHistory().getEventsList();
        int accepted = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED) {
                accepted = i;
                break;
            }
        }
        StringBuilder text = new StringBuilder("#### ")
                .append(title)
                .append(" (`")
                .append(workflowId)
                .append("`)\n\n");
        if (accepted < 0) {
            return text.append("No Update in its history.\n\n").toString();
        }
        Map<String, Integer> types = new TreeMap<>();
        events.forEach(event -> types.merge(shortName(event.getEventType()), 1, Integer::sum));
        text.append("Whole history: ")
                .append(events.size())
                .append(" events. From the decision's acceptance to the tool's completion, in the order of the")
                .append(" history (the server writes an activity's STARTED event when the activity ends, with the")
                .append(" time it started):\n\n");
        text.append("| ms after acceptance | event | detail |\n| --- | --- | --- |\n");
        long start = millis(events.get(accepted));
        Map<Long, String> scheduled = new TreeMap<>();
        for (int i = accepted; i < events.size(); i++) {
            HistoryEvent event = events.get(i);
            String detail = "";
            if (event.hasActivityTaskScheduledEventAttributes()) {
                detail = event.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName();
                scheduled.put(event.getEventId(), detail);
            } else if (event.hasActivityTaskStartedEventAttributes()) {
                detail = scheduled.getOrDefault(
                        event.getActivityTaskStartedEventAttributes().getScheduledEventId(), "");
            } else if (event.hasActivityTaskCompletedEventAttributes()) {
                detail = scheduled.getOrDefault(
                        event.getActivityTaskCompletedEventAttributes().getScheduledEventId(), "");
            } else if (event.hasMarkerRecordedEventAttributes()) {
                detail = marker(event.getMarkerRecordedEventAttributes());
            }
            text.append("| %d | %s | %s |\n".formatted(millis(event) - start, shortName(event.getEventType()), detail));
            if (event.hasActivityTaskCompletedEventAttributes() && detail.equals(toolActivity)) {
                break;
            }
            if (detail.startsWith(LOCAL_ACTIVITY) && toolActivity.equals("local")) {
                break;
            }
        }
        text.append("\nEvents of the whole history by type: ");
        text.append(String.join(
                ", ",
                types.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList()));
        return text.append(".\n\n").toString();
    }

    /** The marker's name, and a local activity's type after it. */
    private static String marker(MarkerRecordedEventAttributes marker) {
        Payloads type = marker.getDetailsMap().get(LOCAL_ACTIVITY_TYPE);
        if (!marker.getMarkerName().equals(LOCAL_ACTIVITY) || type == null) {
            return marker.getMarkerName();
        }
        return LOCAL_ACTIVITY + " "
                + DataConverter.getDefaultInstance().fromPayloads(0, Optional.of(type), String.class, String.class);
    }

    private static long millis(HistoryEvent event) {
        return event.getEventTime().getSeconds() * 1000 + event.getEventTime().getNanos() / 1_000_000;
    }

    private static String shortName(EventType type) {
        return type.name().replace("EVENT_TYPE_", "");
    }
}
