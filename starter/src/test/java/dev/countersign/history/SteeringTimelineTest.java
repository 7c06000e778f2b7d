package dev.countersign.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A question, its answer, guidance and a failing tool, read back from a live workflow's history. */
class SteeringTimelineTest {

    private final LiveTasks tasks = new LiveTasks();

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void questionAnswerGuidanceAndToolFailureAreTold() {
        AgentTaskWorkflow task = tasks.start("steer-1", Map.of("story", "steer"));
        LiveTasks.awaitStatus(task, TaskStatus.AWAITING_INPUT);
        task.guide(new TaskMessage("alice", "The customer prefers the card."));
        task.answer(new TaskMessage("dave", "card"));
        LiveTasks.result(task);

        TaskHistory history = new TaskHistoryReader(tasks.client, null).read("steer-1");

        assertThat(history.taskId()).isEqualTo("steer-1");
        assertThat(history.webUiUrl()).isNull();
        assertThat(history.events())
                .extracting(TimelineEvent::kind, TimelineEvent::actionId, TimelineEvent::actor)
                .containsExactly(
                        tuple(TimelineKind.STARTED, null, "dave"),
                        tuple(TimelineKind.QUESTION, null, null),
                        tuple(TimelineKind.GUIDANCE, null, "alice"),
                        tuple(TimelineKind.ANSWER, null, "dave"),
                        tuple(TimelineKind.PROPOSED, "a1", null),
                        tuple(TimelineKind.POLICY_VERDICT, "a1", null),
                        tuple(TimelineKind.TOOL_FAILED, "a1", null),
                        tuple(TimelineKind.COMPLETED, null, null));
        List<TimelineEvent> events = history.events();
        assertThat(events.get(1).details())
                .containsEntry("text", "Refund to the card or as store credit?")
                .containsEntry("options", List.of("card", "credit"));
        assertThat(events.get(1).summary()).isEqualTo("The agent asked: Refund to the card or as store credit?");
        assertThat(events.get(2).details())
                .containsEntry("by", "alice")
                .containsEntry("text", "The customer prefers the card.");
        assertThat(events.get(3).details()).containsEntry("by", "dave").containsEntry("text", "card");
        assertThat(events.get(3).summary()).isEqualTo("dave answered: card.");
        assertThat(events.get(6).tool()).isEqualTo("charge_back");
        assertThat(events.get(6).details())
                .containsEntry("error", "the card processor is unavailable")
                .containsEntry("errorType", "ChargeBackFailed");
        assertThat(events.get(6).summary()).isEqualTo("charge_back failed: the card processor is unavailable.");
        assertThat(events.get(7).details()).containsEntry("summary", "Could not charge the card back.");
    }
}
