package dev.countersign.history;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a task's whole event history across the runs its workflow continued as new into, oldest run
 * first: the latest run's start names the first run ({@code firstExecutionRunId}), and each run's
 * last event ({@code WorkflowExecutionContinuedAsNew}) names the next. Payloads stay encoded; the
 * reader decodes them with the client's DataConverter as before.
 *
 * <p>It reads at most {@code maxRuns} runs and stops before a run that would take it past {@code
 * maxEvents} events ({@code countersign.history.max-runs} and {@code .max-events}). Beyond either
 * bound the oldest runs are kept (action ids count from the task's first proposal, so the beginning
 * is what makes the rest readable) and {@link RunHistories#complete()} is false; the Temporal Web
 * UI still shows every run. When the first run cannot be found (retention deletes closed runs,
 * including those that continued as new, while the task still runs) or is not named (a server that
 * does not record {@code firstExecutionRunId}), it reads back from the latest run along {@code
 * continuedExecutionRunId} as far as runs are kept and the bounds allow, and {@link
 * RunHistories#beginningMissing()} says whether it fell short of the first run.
 */
public class TaskRuns {

    /** A task of 10,000 steps continuing every 50 steps has 200 runs. */
    public static final int DEFAULT_MAX_RUNS = 200;

    /** Well above what 200 runs of a few hundred steps record, well below what a read can hold. */
    public static final int DEFAULT_MAX_EVENTS = 500_000;

    private final WorkflowClient client;
    private final int maxRuns;
    private final int maxEvents;

    public TaskRuns(WorkflowClient client) {
        this(client, DEFAULT_MAX_RUNS, DEFAULT_MAX_EVENTS);
    }

    public TaskRuns(WorkflowClient client, int maxRuns, int maxEvents) {
        if (maxRuns < 1 || maxEvents < 1) {
            throw new IllegalArgumentException("a history read needs room for at least one run and one event");
        }
        this.client = client;
        this.maxRuns = maxRuns;
        this.maxEvents = maxEvents;
    }

    /**
     * Every run of the workflow, oldest first, each once. Throws what {@link
     * WorkflowClient#fetchHistory(String)} throws, such as NOT_FOUND for an unknown workflow.
     */
    public RunHistories read(String workflowId) {
        WorkflowExecutionHistory latest = client.fetchHistory(workflowId);
        List<HistoryEvent> latestEvents = latest.getEvents();
        if (latestEvents.isEmpty()) {
            return new RunHistories(workflowId, List.of(new RunHistory("", latestEvents)), true);
        }
        var started = latestEvents.get(0).getWorkflowExecutionStartedEventAttributes();
        String previousOfLatest = started.getContinuedExecutionRunId();
        if (previousOfLatest.isEmpty()) {
            return new RunHistories(
                    workflowId, List.of(new RunHistory(started.getOriginalExecutionRunId(), latestEvents)), true);
        }
        if (started.getFirstExecutionRunId().isEmpty()) {
            return backFrom(workflowId, started.getOriginalExecutionRunId(), latestEvents);
        }
        try {
            return chain(workflowId, started.getFirstExecutionRunId(), previousOfLatest, latestEvents);
        } catch (StatusRuntimeException gone) {
            if (gone.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw gone;
            }
            return backFrom(workflowId, started.getOriginalExecutionRunId(), latestEvents);
        }
    }

    /**
     * The runs still kept, read from the latest back along {@code continuedExecutionRunId}; the
     * beginning is missing when it stops short of a run that continued none.
     */
    private RunHistories backFrom(String workflowId, String latestRunId, List<HistoryEvent> latestEvents) {
        Deque<RunHistory> runs = new ArrayDeque<>();
        runs.addFirst(new RunHistory(latestRunId, latestEvents));
        int events = latestEvents.size();
        String previous = continued(latestEvents);
        while (previous != null && runs.size() < maxRuns) {
            List<HistoryEvent> run;
            try {
                run = client.fetchHistory(workflowId, previous).getEvents();
            } catch (StatusRuntimeException gone) {
                if (gone.getStatus().getCode() != Status.Code.NOT_FOUND) {
                    throw gone;
                }
                break;
            }
            if (events + run.size() > maxEvents) {
                break;
            }
            runs.addFirst(new RunHistory(previous, run));
            events += run.size();
            previous = continued(run);
        }
        return new RunHistories(workflowId, List.copyOf(runs), previous != null, true);
    }

    /** The run this one continued, or null for a task's first run. */
    private static String continued(List<HistoryEvent> run) {
        if (run.isEmpty()) {
            return null;
        }
        String previous =
                run.get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
        return previous.isEmpty() ? null : previous;
    }

    /**
     * Follows the runs from the first; the run the latest one continued is followed by the copy of
     * the latest already read, so the chain ends where the first read saw it end.
     */
    private RunHistories chain(
            String workflowId, String firstRunId, String previousOfLatest, List<HistoryEvent> latestEvents) {
        List<RunHistory> runs = new ArrayList<>();
        int events = 0;
        String runId = firstRunId;
        while (runId != null) {
            if (runs.size() == maxRuns) {
                return new RunHistories(workflowId, runs, false);
            }
            List<HistoryEvent> run = client.fetchHistory(workflowId, runId).getEvents();
            if (events + run.size() > maxEvents && !runs.isEmpty()) {
                return new RunHistories(workflowId, runs, false);
            }
            runs.add(new RunHistory(runId, run));
            events += run.size();
            String next = continuedAs(run);
            if (next != null && runId.equals(previousOfLatest)) {
                if (runs.size() == maxRuns || events + latestEvents.size() > maxEvents) {
                    return new RunHistories(workflowId, runs, false);
                }
                runs.add(new RunHistory(next, latestEvents));
                return new RunHistories(workflowId, runs, true);
            }
            runId = next;
        }
        return new RunHistories(workflowId, runs, true);
    }

    /** The run this one continued as new into, or null when it did not. */
    private static String continuedAs(List<HistoryEvent> run) {
        if (run.isEmpty()) {
            return null;
        }
        HistoryEvent last = run.get(run.size() - 1);
        if (last.getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
            return null;
        }
        String next = last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId();
        return next.isEmpty() ? null : next;
    }
}
