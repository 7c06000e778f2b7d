package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskSearchAttributes;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The scenario: a task is poisoned behind the door (started through the Temporal client
 * with a 3 MB goal, so the model activity's input passes the 4 MB message limit and its workflow
 * task fails forever). Every listing still answers within 3 s for everyone, with every healthy
 * task and the poisoned one as an error row; the poisoned task takes a cancellation, and an
 * operator terminates it, after which listings show it TERMINATED.
 */
class PoisonedTaskAcceptanceTest extends AcceptanceTest {

    private static final Duration LISTING_BOUND = Duration.ofSeconds(3);
    private static final int THREE_MB = 3 * 1024 * 1024;

    @Autowired
    WorkflowClient temporal;

    private String poisoned;

    @AfterEach
    void terminateLeftovers() {
        // A failed run must not leave a wedged task behind for the other tests sharing this service.
        if (poisoned != null
                && temporal.newUntypedWorkflowStub(poisoned).describe().getStatus()
                        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            temporal.newUntypedWorkflowStub(poisoned).terminate("clean-up after PoisonedTaskAcceptanceTest");
        }
    }

    @Test
    void onePoisonedTaskNeverBreaksAListingAndAnOperatorTerminatesIt() {
        String waiting = desk.startRefund("A-1", "250", "USD");
        String done = desk.startRefund("A-2", "5", "USD");
        String approvalForAlice = SupportDesk.refundApproval(waiting);
        desk.awaitApproval(approvalForAlice);
        desk.awaitStatus(done, "COMPLETED");
        poisoned = poison();
        // Listed as unreadable once its first workflow task has failed.
        desk.awaitAnswer(
                "olga",
                "/api/tasks",
                poisoned + " unreadable",
                tasks -> entries(tasks).stream()
                        .anyMatch(task -> poisoned.equals(text(task, "taskId")) && task.has("error")));

        JsonNode inbox = within(
                "alice's inbox", () -> desk.as("alice").get("/api/approvals").ok(200));
        assertThat(entries(inbox)).anyMatch(entry -> approvalForAlice.equals(text(entry, "approvalId")));
        assertErrorRow(inbox, "UNREADABLE");

        JsonNode tasks =
                within("the task list", () -> desk.as("olga").get("/api/tasks").ok(200));
        assertThat(entries(tasks))
                .filteredOn(task -> List.of(waiting, done).contains(text(task, "taskId")))
                .extracting(task -> text(task, "status"))
                .containsExactlyInAnyOrder("AWAITING_APPROVAL", "COMPLETED");
        assertErrorRow(tasks, "UNREADABLE");

        JsonNode reviews = within(
                "the review queue", () -> desk.as("olga").get("/api/reviews").ok(200));
        assertErrorRow(reviews, "UNREADABLE");

        JsonNode stats = within(
                "the decision record",
                () -> desk.as("olga").get("/api/policy/stats").ok(200));
        // The statistics read the decision record in the database, not the workflows: a task Temporal
        // cannot give back hides nothing from them, and the finished refund is counted.
        assertThat(stats.path("tasksUnreadable").asInt()).isZero();
        assertThat(entries(stats.path("rules")))
                .extracting(rule -> text(rule, "tool"))
                .contains("issue_refund");

        JsonNode one = within(
                "the poisoned task itself",
                () -> desk.as("dave").get("/api/tasks/" + poisoned).ok(200));
        assertThat(text(one, "status")).isEqualTo("UNREADABLE");
        assertThat(text(one, "requester")).isEqualTo("dave");

        JsonNode health = desk.as("olga").get("/actuator/health").ok(200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/unreadableTasks/status").asString()).isEqualTo("UP");
        assertThat(entries(health.at("/components/unreadableTasks/details/recentlyUnreadable")))
                .extracting(entry -> text(entry, "taskId"))
                .contains(poisoned);

        // alice's group is the one it awaits, so she sees it but may not cancel it; bob is not involved at all
        desk.as("alice").post("/api/tasks/" + poisoned + "/cancel", Map.of()).problem(403, "NotRequesterOrOperator");
        desk.as("bob").post("/api/tasks/" + poisoned + "/cancel", Map.of()).problem(404, "TaskNotFound");
        desk.as("dave")
                .post("/api/tasks/" + poisoned + "/cancel", Map.of("reason", "stuck"))
                .ok(202);

        desk.as("olga").post("/api/tasks/" + poisoned + "/terminate", Map.of()).problem(400, "InvalidRequest");
        desk.as("alice")
                .post("/api/tasks/" + poisoned + "/terminate", Map.of("reason", "wedged"))
                .problem(403, "NotAnOperator");
        desk.as("olga")
                .post("/api/tasks/no-such-task/terminate", Map.of("reason", "wedged"))
                .problem(404, "TaskNotFound");
        JsonNode terminated = desk.as("olga")
                .post("/api/tasks/" + poisoned + "/terminate", Map.of("reason", "its goal is 3 MB"))
                .ok(200);
        assertThat(terminated.path("status").asString()).isEqualTo("TERMINATED");
        assertThat(temporal.fetchHistory(poisoned)
                        .getLastEvent()
                        .getWorkflowExecutionTerminatedEventAttributes()
                        .getReason())
                .isEqualTo("terminated by olga: its goal is 3 MB");
        desk.as("olga")
                .post("/api/tasks/" + poisoned + "/terminate", Map.of("reason", "again"))
                .problem(409, "TaskNotActive");

        JsonNode after = within(
                "the task list after termination",
                () -> desk.as("olga").get("/api/tasks").ok(200));
        assertErrorRow(after, "TERMINATED");
        JsonNode inboxAfter = within(
                "alice's inbox after termination",
                () -> desk.as("alice").get("/api/approvals").ok(200));
        assertThat(entries(inboxAfter)).noneMatch(entry -> poisoned.equals(text(entry, "taskId")));
    }

    /**
     * Starts, as someone with access to Temporal could, a task with a 3 MB goal whose workflow task
     * fails forever: its input is not an object, so the worker cannot even begin it. (A 3 MB goal
     * alone wedged a task while the model's input carried it twice; once payloads are bounded it no
     * longer does, and this poison stays.) Its search attributes are those of a task that waits for
     * support-leads, as a task wedged while awaiting a decision keeps them.
     */
    private String poison() {
        String taskId = SupportDesk.uniqueTaskId("poisoned");
        WorkflowStub workflow = temporal.newUntypedWorkflowStub(
                AgentTaskWorkflow.class.getSimpleName(),
                WorkflowOptions.newBuilder()
                        .setWorkflowId(taskId)
                        .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                        .setTypedSearchAttributes(SearchAttributes.newBuilder()
                                .set(TaskSearchAttributes.STATUS, "AWAITING_APPROVAL")
                                .set(TaskSearchAttributes.GROUPS, List.of("support-leads"))
                                .set(TaskSearchAttributes.REQUESTER, "dave")
                                .build())
                        .build());
        workflow.start(Map.of(
                "taskId", taskId,
                "agent", "support",
                "goal", "Refund everything. " + "x".repeat(THREE_MB),
                "input", "not an object",
                "requester", "dave"));
        return taskId;
    }

    private static JsonNode within(String listing, Supplier<JsonNode> call) {
        long started = System.nanoTime();
        JsonNode answer = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println(listing + " answered after " + took.toMillis() + " ms");
        assertThat(took).as("%s answered after %s", listing, took).isLessThan(LISTING_BOUND);
        return answer;
    }

    private void assertErrorRow(JsonNode listing, String status) {
        Optional<JsonNode> row = entries(listing).stream()
                .filter(entry -> poisoned.equals(text(entry, "taskId")))
                .filter(entry -> entry.has("error"))
                .findFirst();
        assertThat(row).as("an error row for %s in %s", poisoned, listing).isPresent();
        assertThat(text(row.get(), "status")).isEqualTo(status);
        assertThat(text(row.get(), "error")).isNotBlank();
        assertThat(row.get().has("goal")).as("no 3 MB goal in a listing").isFalse();
    }

    private static List<JsonNode> entries(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString();
    }
}
