package dev.countersign.history;

import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;

/** One run of a task's workflow: its run id and its events, whose ids start at 1 in every run. */
public record RunHistory(String runId, List<HistoryEvent> events) {

    public RunHistory {
        runId = runId == null ? "" : runId;
        events = events == null ? List.of() : List.copyOf(events);
    }
}
