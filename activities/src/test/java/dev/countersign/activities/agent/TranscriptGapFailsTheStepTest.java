package dev.countersign.activities.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.activities.store.InMemoryTaskStore;
import dev.countersign.activities.store.TranscriptGap;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptGapFailsTheStepTest {

    private final RecordingModel model = new RecordingModel();
    private final InMemoryTaskStore store = new InMemoryTaskStore();
    private final AgentActivitiesImpl activities = new AgentActivitiesImpl(List.of(model), store);

    @Test
    void aStepOfAConversationTheStoreNeverHeardOfFailsForGood() {
        ApplicationFailure failure = catchThrowableOfType(
                ApplicationFailure.class, () -> activities.nextStep(later(7, 12, List.of(answer("yes")))));

        assertThat(failure.getType()).isEqualTo("TranscriptGap");
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage())
                .contains("no conversation of task 't1' (first run run-1)")
                .contains("as durable as the Temporal server")
                .contains("PostgreSQL");
        assertThat(model.requests).isEmpty();
    }

    @Test
    void entriesFromBeyondTheStoredEndFailForGood() {
        activities.nextStep(new StepRequest("t1", "run-1", "support", 1, "goal", Map.of(), 0, List.of()));

        ApplicationFailure failure = catchThrowableOfType(
                ApplicationFailure.class, () -> activities.nextStep(later(2, 4, List.of(answer("yes")))));

        assertThat(failure.getType()).isEqualTo(AgentActivitiesImpl.TRANSCRIPT_GAP);
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage()).contains("holds 0 entries").contains("entries 0 to 3 are missing");
        assertThat(model.requests).hasSize(1);
    }

    @Test
    void anUnknownAgentFailsBeforeAnythingIsStored() {
        ApplicationFailure failure = catchThrowableOfType(
                ApplicationFailure.class,
                () -> activities.nextStep(
                        new StepRequest("t1", "run-1", "nobody", 1, "goal", Map.of(), 0, List.of(answer("x")))));

        assertThat(failure.getType()).isEqualTo(AgentActivitiesImpl.UNKNOWN_AGENT);
        assertThatThrownBy(() -> store.conversation("t1", "run-1")).isInstanceOf(TranscriptGap.class);
    }

    private static StepRequest later(int step, int from, List<TranscriptEntry> entries) {
        return new StepRequest("t1", "run-1", "support", step, null, null, from, entries);
    }

    private static TranscriptEntry answer(String text) {
        return new TranscriptEntry(TranscriptKind.ANSWER, null, null, null, text, "dave", Instant.EPOCH);
    }
}
