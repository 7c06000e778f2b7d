package dev.countersign.history;

import static dev.countersign.history.SeamEvents.completed;
import static dev.countersign.history.SeamEvents.continuedAsNew;
import static dev.countersign.history.SeamEvents.scheduled;
import static dev.countersign.history.SeamEvents.started;
import static dev.countersign.history.SeamEvents.workflowCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.task.TaskStart;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.common.converter.DataConverter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a task continued as new, its timeline tells the seam once: no second start, the carried
 * state left out, action ids counted on, and nothing paired across runs whose event ids start over.
 */
class TimelineSeamTest {

    private static final TaskStart START =
            new TaskStart("t-9", "refunds", "refund A-7", Map.of("order", "A-7"), "dave");
    private static final Map<String, Object> CARRIED = Map.of("secretInState", "carried-not-told");
    private static final ToolCall REFUND = new ToolCall("issue_refund", Map.of("amount", 5), "asked", 0.8, List.of());

    private final RunHistory first = new RunHistory(
            "run-1",
            List.of(
                    started(1, "", START),
                    scheduled(
                            2,
                            "NextStep",
                            new StepRequest("t-9", "run-1", "refunds", 1, "refund A-7", Map.of(), 0, null)),
                    completed(3, 2, AgentStep.call(REFUND)),
                    scheduled(
                            4,
                            "ExecuteTool",
                            new ToolInvocation("t-9", "a1", "issue_refund", Map.of("amount", 5), "d", "t-9/a1")),
                    continuedAsNew(5, "run-2")));

    private final RunHistory second = new RunHistory(
            "run-2",
            List.of(
                    started(1, "run-1", START, CARRIED),
                    // Refers to an id only the first run scheduled: never paired across the seam.
                    completed(2, 4, new ToolResult(Map.of("refunded", 5))),
                    scheduled(
                            3,
                            "NextStep",
                            new StepRequest(
                                    "t-9",
                                    "run-1",
                                    "refunds",
                                    2,
                                    null,
                                    null,
                                    1,
                                    List.of(new TranscriptEntry(
                                            TranscriptKind.TIMED_OUT,
                                            "a1",
                                            REFUND,
                                            null,
                                            "nobody answered",
                                            null,
                                            null)))),
                    completed(4, 3, AgentStep.call(REFUND)),
                    workflowCompleted(5, Map.of("status", "COMPLETED", "summary", "done"))));

    @Test
    void theSeamIsToldOnceBetweenTheRunsAndTheStartOnlyOnce() {
        List<TimelineEvent> timeline = timeline(new RunHistories("t-9", List.of(first, second), true));

        assertThat(timeline)
                .extracting(TimelineEvent::kind)
                .containsExactly(
                        TimelineKind.STARTED,
                        TimelineKind.PROPOSED,
                        TimelineKind.CONTINUED_AS_NEW,
                        TimelineKind.TIMED_OUT,
                        TimelineKind.PROPOSED,
                        TimelineKind.COMPLETED);
        assertThat(timeline.get(2).details()).containsEntry("run", 2).containsEntry("newRunId", "run-2");
        assertThat(timeline.get(2).eventId()).isEqualTo(5);
        assertThat(timeline.get(4).eventId())
                .as("event ids start over in every run")
                .isEqualTo(4);
    }

    @Test
    void actionIdsCountOnAcrossTheSeam() {
        List<TimelineEvent> timeline = timeline(new RunHistories("t-9", List.of(first, second), true));

        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.PROPOSED)
                .extracting(TimelineEvent::actionId)
                .containsExactly("a1", "a2");
        assertThat(timeline)
                .filteredOn(event -> event.kind() == TimelineKind.TIMED_OUT)
                .singleElement()
                .satisfies(timedOut -> assertThat(timedOut.actionId()).isEqualTo("a1"));
    }

    @Test
    void theCarriedStateIsNotTold() {
        List<TimelineEvent> timeline = timeline(new RunHistories("t-9", List.of(first, second), true));

        assertThat(timeline)
                .extracting(event -> event.summary() + event.details())
                .noneMatch(text -> text.contains("carried-not-told") || text.contains("secretInState"));
    }

    @Test
    void aRunWhosePredecessorWasNotReadStillTellsTheStart() {
        List<TimelineEvent> timeline = timeline(new RunHistories("t-9", List.of(second), true));

        assertThat(timeline.get(0).kind()).isEqualTo(TimelineKind.STARTED);
        assertThat(timeline.get(0).details()).containsEntry("goal", "refund A-7");
    }

    @Test
    void runsGoneToRetentionAreSaidToBeMissingAndTheLaterStartIsNotTold() {
        List<TimelineEvent> timeline = timeline(new RunHistories("t-9", List.of(second), true, true));

        assertThat(timeline)
                .extracting(TimelineEvent::kind)
                .containsExactly(
                        TimelineKind.TRUNCATED, TimelineKind.TIMED_OUT, TimelineKind.PROPOSED, TimelineKind.COMPLETED);
    }

    @Test
    void laterRunsLeftOutByTheBoundAreSaidToBe() {
        List<TimelineEvent> timeline = timeline(new RunHistories("t-9", List.of(first), false));

        TimelineEvent last = timeline.get(timeline.size() - 1);
        assertThat(last.kind()).isEqualTo(TimelineKind.TRUNCATED);
        assertThat(last.details()).containsEntry("runsRead", 1).containsEntry("eventsRead", 5);
    }

    private static List<TimelineEvent> timeline(RunHistories runs) {
        return TimelineBuilder.timeline("t-9", runs, DataConverter.getDefaultInstance());
    }
}
