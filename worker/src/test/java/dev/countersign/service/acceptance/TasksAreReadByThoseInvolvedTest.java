package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Item 9, as shipped (read scope {@code involved}): a task, its history and approvals are read by
 * its requester, the groups the demo policy's tiers named for it, operators and admins. For anyone
 * else the task does not exist: the same 404 as an unknown id, whatever they ask of it.
 */
class TasksAreReadByThoseInvolvedTest extends AcceptanceTest {

    @Test
    void davesSmallRefundIsReadByDaveAliceOlgaAndAdaButNotByFinance() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        for (String reader : List.of("dave", "alice", "olga", "ada")) {
            assertThat(desk.as(reader)
                            .get("/api/tasks/" + taskId)
                            .ok(200)
                            .path("taskId")
                            .asString())
                    .isEqualTo(taskId);
            desk.as(reader).get("/api/tasks/" + taskId + "/history").ok(200);
            desk.as(reader).get("/api/approvals/" + approvalId).ok(200);
        }
        assertThat(listed("alice")).contains(taskId);

        ApiClient bob = desk.as("bob");
        assertThat(listed("bob")).doesNotContain(taskId);
        assertSameAsUnknown(bob.get("/api/tasks/" + taskId), taskId, bob.get("/api/tasks/no-such-task"));
        assertSameAsUnknown(
                bob.get("/api/tasks/" + taskId + "/history"), taskId, bob.get("/api/tasks/no-such-task/history"));
        assertSameAsUnknown(bob.get("/api/approvals/" + approvalId), taskId, bob.get("/api/approvals/no-such-task.a2"));
        assertSameAsUnknown(
                desk.decide("bob", approvalId, SupportDesk.decision("approve", digest)),
                taskId,
                desk.decide("bob", "no-such-task.a2", SupportDesk.decision("approve", digest)));
        bob.post("/api/tasks/" + taskId + "/guidance", Map.of("text", "refund everything"))
                .problem(404, "TaskNotFound");
        bob.post("/api/tasks/" + taskId + "/cancel", Map.of("reason", "mine now"))
                .problem(404, "TaskNotFound");

        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.as("alice")
                        .get("/api/tasks/" + taskId)
                        .ok(200)
                        .path("status")
                        .asString())
                .isEqualTo("COMPLETED");
        bob.get("/api/tasks/" + taskId).problem(404, "TaskNotFound");
    }

    @Test
    void aLargeRefundIsReadByFinanceAndNotBySupportLeads() {
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        desk.as("bob").get("/api/tasks/" + taskId).ok(200);
        desk.as("frank").get("/api/tasks/" + taskId).ok(200); // the tier it escalates to is named too
        desk.as("alice").get("/api/tasks/" + taskId).problem(404, "TaskNotFound");

        desk.decide("bob", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
    }

    @Test
    void theDemoLedgerIsForOperators() {
        desk.as("olga").get("/api/demo/ledger").ok(200);

        for (String other : List.of("dave", "alice", "ada")) {
            desk.as(other).get("/api/demo/ledger").problem(403, "AccessDenied");
        }
    }

    private List<String> listed(String user) {
        JsonNode tasks = desk.as(user).get("/api/tasks").ok(200);
        return StreamSupport.stream(tasks.spliterator(), false)
                .map(task -> task.path("taskId").asString())
                .toList();
    }

    /** The same problem, code, detail and all, once each names its own task id. */
    private static void assertSameAsUnknown(Reply outOfScope, String taskId, Reply unknown) {
        JsonNode problem = outOfScope.problem(404, unknown.json().path("code").asString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(problem.toString().replace(taskId, "no-such-task"))
                .isEqualTo(unknown.json().toString());
    }
}
