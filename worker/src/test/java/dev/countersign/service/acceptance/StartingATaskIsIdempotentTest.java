package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Criterion 9: starting the same task id twice never starts two tasks. */
class StartingATaskIsIdempotentTest extends AcceptanceTest {

    @Test
    void sameTaskIdAndBodyAgainAnswersTheExistingTask() {
        String taskId = SupportDesk.uniqueTaskId("start-twice");
        Map<String, Object> body = SupportDesk.refundTask(taskId, "A-1", "5", "USD");

        Reply first = desk.as("dave").post("/api/tasks", body);
        Reply second = desk.as("dave").post("/api/tasks", body);

        assertThat(first.ok(201).path("taskId").asString()).isEqualTo(taskId);
        assertThat(first.header("Location")).endsWith("/api/tasks/" + taskId);
        assertThat(second.ok(200).path("taskId").asString()).isEqualTo(taskId);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.as("dave")
                        .post("/api/tasks", body)
                        .ok(200)
                        .path("status")
                        .asString())
                .isEqualTo("COMPLETED");
        assertThat(desk.refunds(taskId)).hasSize(1);
        assertThat(desk.emails(taskId)).hasSize(1);
    }

    @Test
    void sameTaskIdWithAnotherInputIsAConflict() {
        String taskId = SupportDesk.uniqueTaskId("start-twice");
        desk.as("dave")
                .post("/api/tasks", SupportDesk.refundTask(taskId, "A-1", "5", "USD"))
                .ok(201);

        desk.as("dave")
                .post("/api/tasks", SupportDesk.refundTask(taskId, "A-1", "7", "USD"))
                .problem(409, "TaskConflict");

        JsonNode task = desk.awaitStatus(taskId, "COMPLETED");
        assertThat(SupportDesk.amount(task.path("input"))).isEqualByComparingTo("5");
        assertThat(desk.refunds(taskId))
                .singleElement()
                .satisfies(row -> assertThat(SupportDesk.amount(row)).isEqualByComparingTo("5"));
    }
}
