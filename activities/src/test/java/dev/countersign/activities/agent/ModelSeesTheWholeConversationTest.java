package dev.countersign.activities.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.store.InMemoryTaskStore;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSeesTheWholeConversationTest {

    private final RecordingModel model = new RecordingModel();
    private final AgentActivitiesImpl activities = new AgentActivitiesImpl(List.of(model), new InMemoryTaskStore());

    @Test
    void eachStepSeesTheGoalTheInputAndEveryEntrySoFar() {
        activities.nextStep(first());
        activities.nextStep(later(2, 0, List.of(answer("card"))));
        activities.nextStep(later(3, 1, List.of(answer("yes"), answer("now"))));

        AgentRequest request = model.last();
        assertThat(request.taskId()).isEqualTo("t1");
        assertThat(request.agent()).isEqualTo("support");
        assertThat(request.goal()).isEqualTo("refund order A-7");
        assertThat(request.input()).isEqualTo(Map.of("orderId", "A-7"));
        assertThat(request.transcript()).containsExactly(answer("card"), answer("yes"), answer("now"));
    }

    @Test
    void aRetriedStepGivesTheModelTheSameConversation() {
        activities.nextStep(first());
        StepRequest second = later(2, 0, List.of(answer("card")));
        activities.nextStep(second);

        activities.nextStep(second);

        assertThat(model.requests.get(2)).isEqualTo(model.requests.get(1));
        assertThat(model.last().transcript()).containsExactly(answer("card"));
    }

    @Test
    void aFirstCallRetriedAfterLaterStepsKeepsTheFirstGoal() {
        activities.nextStep(first());
        activities.nextStep(later(2, 0, List.of(answer("card"))));

        activities.nextStep(
                new StepRequest("t1", "run-1", "support", 1, "another goal", Map.of(), 0, List.of(answer("card"))));

        assertThat(model.last().goal()).isEqualTo("refund order A-7");
        assertThat(model.last().transcript()).containsExactly(answer("card"));
    }

    private static StepRequest first() {
        return new StepRequest("t1", "run-1", "support", 1, "refund order A-7", Map.of("orderId", "A-7"), 0, List.of());
    }

    private static StepRequest later(int step, int from, List<TranscriptEntry> entries) {
        return new StepRequest("t1", "run-1", "support", step, null, null, from, entries);
    }

    private static TranscriptEntry answer(String text) {
        return new TranscriptEntry(TranscriptKind.ANSWER, null, null, null, text, "dave", Instant.EPOCH);
    }
}
