package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.task.AgentTaskWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.ReplayResults;
import io.temporal.testing.WorkflowReplayer;
import java.util.List;
import java.util.stream.Collectors;

/** What the recorded histories of a run say: they replay on the current code, and who did the work. */
final class Histories {

    private Histories() {}

    /** Replays every history on AgentTaskWorkflowImpl; any non-determinism fails the test. */
    static void assertReplay(String scenario, List<WorkflowExecutionHistory> histories) throws Exception {
        ReplayResults results =
                WorkflowReplayer.replayWorkflowExecutions(histories, false, AgentTaskWorkflowImpl.class);
        long redone = histories.stream().filter(Histories::redone).count();
        System.out.println("replay[" + scenario + "]: histories=" + histories.size() + " failed="
                + results.allErrors().size() + " withWorkRedone=" + redone);
        assertThat(results.allErrors())
                .as("histories that do not replay")
                .extracting(error -> error.workflowId + ": " + error.exception)
                .isEmpty();
    }

    /** Whether a worker with this identity prefix (pid@) took any workflow or activity task of it. */
    static boolean touchedBy(WorkflowExecutionHistory history, String identityPrefix) {
        return history.getEvents().stream().map(Histories::identity).anyMatch(id -> id.startsWith(identityPrefix));
    }

    /** Whether work given to a worker was lost and given again: a timed-out task or a retried activity. */
    static boolean redone(WorkflowExecutionHistory history) {
        return history.getEvents().stream()
                .anyMatch(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT
                        || event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT
                        || (event.hasActivityTaskStartedEventAttributes()
                                && event.getActivityTaskStartedEventAttributes().getAttempt() > 1));
    }

    static String identities(List<WorkflowExecutionHistory> histories) {
        return histories.stream()
                .flatMap(history -> history.getEvents().stream())
                .map(Histories::identity)
                .filter(id -> !id.isEmpty())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                .toString();
    }

    private static String identity(HistoryEvent event) {
        if (event.hasWorkflowTaskStartedEventAttributes()) {
            return event.getWorkflowTaskStartedEventAttributes().getIdentity();
        }
        if (event.hasWorkflowTaskCompletedEventAttributes()) {
            return event.getWorkflowTaskCompletedEventAttributes().getIdentity();
        }
        if (event.hasActivityTaskStartedEventAttributes()) {
            return event.getActivityTaskStartedEventAttributes().getIdentity();
        }
        if (event.hasActivityTaskCompletedEventAttributes()) {
            return event.getActivityTaskCompletedEventAttributes().getIdentity();
        }
        return "";
    }
}
