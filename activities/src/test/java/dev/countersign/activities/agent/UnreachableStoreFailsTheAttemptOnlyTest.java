package dev.countersign.activities.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.countersign.activities.store.TranscriptStore;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.TranscriptEntry;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store that cannot be reached now may answer on the next attempt: Temporal retries the step. */
class UnreachableStoreFailsTheAttemptOnlyTest {

    @Test
    void aStoreFailureOtherThanAGapIsLeftRetryableAndTheModelIsNotCalled() {
        RecordingModel model = new RecordingModel();
        AgentActivitiesImpl activities = new AgentActivitiesImpl(List.of(model), new UnreachableStore());

        Throwable failure = catchThrowable(() ->
                activities.nextStep(new StepRequest("t1", "run-1", "support", 1, "goal", Map.of(), 0, List.of())));

        assertThat(failure).isInstanceOf(IllegalStateException.class).isNotInstanceOf(ApplicationFailure.class);
        assertThat(model.requests).isEmpty();
    }

    private static final class UnreachableStore implements TranscriptStore {

        @Override
        public void begin(String taskId, String firstRunId, String agent, String goal, Map<String, Object> input) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public void append(String taskId, String firstRunId, int from, List<TranscriptEntry> entries) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public AgentRequest conversation(String taskId, String firstRunId) {
            throw new IllegalStateException("connection refused");
        }
    }
}
