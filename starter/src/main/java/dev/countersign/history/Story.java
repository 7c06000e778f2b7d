package dev.countersign.history;

import dev.countersign.approval.ApprovalId;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timeline being told, and what its entries share: the task id, and the tool calls proposed so
 * far, whose ids are "a1", "a2", ... in the order the agent proposed them, as the workflow numbers
 * its actions.
 */
final class Story {

    private final List<TimelineEvent> events = new ArrayList<>();
    private final Map<String, String> toolByAction = new HashMap<>();
    private final Set<String> timedOut = new HashSet<>();
    private String taskId;
    private int proposals;
    private int runs = 1;
    private boolean lateStart;

    Story(String taskId) {
        this.taskId = taskId;
    }

    String taskId() {
        return taskId;
    }

    /** The task's start names the task; approval ids are built from it. */
    void named(String startedTaskId) {
        if (startedTaskId != null) {
            taskId = startedTaskId;
        }
    }

    /** Counts a seam where the workflow continued as new and returns the number of the new run. */
    int continuedAsNew() {
        return ++runs;
    }

    /** The story starts in a later run: its start is a seam too, and runs cannot be numbered. */
    void beginsLate() {
        lateStart = true;
    }

    /** Whether the runs read so far are numbered from the task's first run. */
    boolean runsNumbered() {
        return !lateStart;
    }

    /** Whether a run continued as new so far, so that the next run's start is a seam, not the task's start. */
    boolean continued() {
        return runs > 1 || lateStart;
    }

    /** Numbers the next proposed tool call and returns its action id. */
    String propose(String tool) {
        String actionId = "a" + (++proposals);
        toolByAction.put(actionId, tool);
        return actionId;
    }

    /** The action id of the latest proposal, or null before the first. */
    String currentAction() {
        return proposals == 0 ? null : "a" + proposals;
    }

    /** True the first time an action's timeout is told; the agent's transcript repeats it at every step. */
    boolean firstTimeout(String actionId) {
        return timedOut.add(actionId);
    }

    String toolOf(String actionId) {
        return actionId == null ? null : toolByAction.get(actionId);
    }

    void add(
            HistoryEvent event,
            TimelineKind kind,
            String actionId,
            String tool,
            String actor,
            String summary,
            Map<String, Object> details) {
        Instant at = Instant.ofEpochSecond(
                event.getEventTime().getSeconds(), event.getEventTime().getNanos());
        events.add(new TimelineEvent(event.getEventId(), at, kind, actionId, tool, actor, summary, details));
    }

    List<TimelineEvent> events() {
        return List.copyOf(events);
    }

    /** Fields in the order given, leaving out those without a value (null or blank). */
    static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !(value instanceof String text && text.isBlank())) {
                details.put((String) namesAndValues[i], value);
            }
        }
        return details;
    }

    /** "a2" from "refund-42.a2": an approval id ends with its action id after the last dot. */
    static String actionOf(String approvalId) {
        return ApprovalId.parse(approvalId).map(ApprovalId::actionId).orElse(null);
    }

    static String orSomeone(String person) {
        return person == null ? "Someone" : person;
    }
}
