package dev.countersign.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the post-action review histories that {@link RecordedHistoriesReplayTest} replays. Runs
 * only on request: {@code ./mvnw -pl workflows test -Dtest=ReviewHistoryRecorder
 * -Dcountersign.record-histories=true}.
 */
@EnabledIfSystemProperty(named = "countersign.record-histories", matches = "true")
class ReviewHistoryRecorder {

    private static final Path HISTORIES = Path.of("src/test/resources/histories");

    @Test
    void recordReviewAndRollback() throws IOException {
        record("v3-review-rollback", ReviewScenarios::reviewAndRollback);
    }

    @Test
    void recordFailedCompensationRetried() throws IOException {
        record("v3-compensation-retried", ReviewScenarios::failedCompensationRetried);
    }

    private static void record(String name, Function<TaskHarness, String> scenario) throws IOException {
        try (TaskHarness harness = new TaskHarness()) {
            String taskId = scenario.apply(harness);
            String json = harness.client.fetchHistory(taskId).toJson(true);
            Files.writeString(HISTORIES.resolve(name + ".json"), json, StandardCharsets.UTF_8);
        }
    }
}
