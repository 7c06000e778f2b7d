package dev.countersign.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task that continued as new twice is read as one history: every run, oldest first, each event
 * once, and its timeline tells the start once, each seam once and every step in order.
 */
class StitchedHistoryTest {

    private static final String TASK_ID = "long-task-1";
    private static final DataConverter CONVERTER = DataConverter.getDefaultInstance();

    private static ChainedTasks tasks;
    private static WorkflowClient client;

    @BeforeAll
    static void runTaskThroughThreeRuns() {
        tasks = new ChainedTasks();
        client = tasks.client;
        tasks.runToTheEnd(TASK_ID);
    }

    @AfterAll
    static void stop() {
        tasks.close();
    }

    @Test
    void everyRunIsReadOldestFirstAndChainedByItsRunIds() {
        RunHistories history = new TaskRuns(client).read(TASK_ID);

        assertThat(history.complete()).isTrue();
        assertThat(history.beginningMissing()).isFalse();
        assertThat(history.runs()).hasSize(3);
        assertThat(history.runs())
                .extracting(RunHistory::runId)
                .doesNotHaveDuplicates()
                .doesNotContain("");
        for (int i = 0; i < history.runs().size(); i++) {
            List<HistoryEvent> run = history.runs().get(i).events();
            var started = run.get(0).getWorkflowExecutionStartedEventAttributes();
            assertThat(started.getContinuedExecutionRunId())
                    .isEqualTo(i == 0 ? "" : history.runs().get(i - 1).runId());
            assertThat(run.get(run.size() - 1).getEventType())
                    .isEqualTo(
                            i < 2
                                    ? EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
                                    : EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
        }
    }

    @Test
    void everyStepAndAnswerIsReadOnceInOrder() {
        RunHistories history = new TaskRuns(client).read(TASK_ID);

        List<String> actions = history.runs().stream()
                .flatMap(run -> run.events().stream())
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .filter(event -> event.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .equals("ExecuteTool"))
                .map(event -> Decoded.first(
                                CONVERTER,
                                event.getActivityTaskScheduledEventAttributes().getInput())
                        .text("actionId"))
                .toList();
        List<String> answers = history.runs().stream()
                .flatMap(run -> run.events().stream())
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)
                .map(event -> event.getWorkflowExecutionUpdateCompletedEventAttributes()
                        .getMeta()
                        .getUpdateId())
                .toList();

        assertThat(actions).containsExactly("a1", "a2", "a3", "a4", "a5", "a6");
        assertThat(answers).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void timelineTellsTheStartOnceEachSeamOnceAndEveryStep() {
        List<TimelineEvent> timeline =
                new TaskHistoryReader(client, null).read(TASK_ID).events();

        assertThat(timeline)
                .extracting(TimelineEvent::kind)
                .containsExactly(
                        TimelineKind.STARTED,
                        TimelineKind.PROPOSED,
                        TimelineKind.EXECUTED,
                        TimelineKind.PROPOSED,
                        TimelineKind.EXECUTED,
                        TimelineKind.ANSWER,
                        TimelineKind.CONTINUED_AS_NEW,
                        TimelineKind.PROPOSED,
                        TimelineKind.EXECUTED,
                        TimelineKind.PROPOSED,
                        TimelineKind.EXECUTED,
                        TimelineKind.ANSWER,
                        TimelineKind.CONTINUED_AS_NEW,
                        TimelineKind.PROPOSED,
                        TimelineKind.EXECUTED,
                        TimelineKind.PROPOSED,
                        TimelineKind.EXECUTED,
                        TimelineKind.ANSWER,
                        TimelineKind.COMPLETED);
        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.EXECUTED)
                .extracting(TimelineEvent::actionId)
                .containsExactly("a1", "a2", "a3", "a4", "a5", "a6");
        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.PROPOSED)
                .extracting(TimelineEvent::actionId)
                .containsExactly("a1", "a2", "a3", "a4", "a5", "a6");
        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.CONTINUED_AS_NEW)
                .extracting(event -> event.details().get("run"))
                .containsExactly(2, 3);
        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.ANSWER)
                .extracting(TimelineEvent::summary)
                .containsExactly("erin answered: run 1.", "erin answered: run 2.", "erin answered: run 3.");
        assertThat(timeline)
                .extracting(event -> event.details().toString())
                .noneMatch(details -> details.contains(ChainedTaskWorkflowImpl.CARRIED_NOTE));
    }

    @Test
    void aReadBoundedByRunsKeepsTheOldestAndSaysLaterRunsAreLeftOut() {
        RunHistories history = new TaskRuns(client, 2, TaskRuns.DEFAULT_MAX_EVENTS).read(TASK_ID);
        List<TimelineEvent> timeline = new TaskHistoryReader(client, null, new TaskRuns(client, 2, 100_000))
                .read(TASK_ID)
                .events();

        assertThat(history.complete()).isFalse();
        assertThat(history.runs()).hasSize(2);
        assertThat(timeline.get(0).kind()).isEqualTo(TimelineKind.STARTED);
        assertThat(timeline.get(timeline.size() - 1).kind()).isEqualTo(TimelineKind.TRUNCATED);
        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.EXECUTED)
                .extracting(TimelineEvent::actionId)
                .containsExactly("a1", "a2", "a3", "a4");
    }

    @Test
    void aReadBoundedByEventsStopsBeforeTheRunThatWouldPassTheBound() {
        int firstRun = new TaskRuns(client).read(TASK_ID).runs().get(0).events().size();

        RunHistories history = new TaskRuns(client, 100, firstRun + 1).read(TASK_ID);

        assertThat(history.complete()).isFalse();
        assertThat(history.runs()).hasSize(1);
    }
}
