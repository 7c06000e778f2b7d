package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.testing.Eventually;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: the decision record outlives Temporal. A refund is approved and runs on the dev server in
 * the shipped jar (its database an H2 file); then its workflow is deleted through the Temporal API, as
 * the namespace's retention would. Its rows and the policy's statistics still answer, and the rebuild
 * reports the rows as only in the record.
 */
class DecisionRecordIT {

    private static Cluster cluster;
    private static Api api;
    private static Desk desk;

    @BeforeAll
    static void startService() {
        cluster = Cluster.start(DecisionRecordIT.class);
        api = new Api(cluster.startWorker("records").port());
        desk = new Desk(api);
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aTasksRecordAndStatisticsRemainAfterTemporalDeletedItsWorkflow() {
        Instant since = Instant.now();
        String taskId = "record-it-1";
        desk.startRefund(taskId, RefundTasks.orderId(taskId), new BigDecimal("250"));
        String approvalId = Desk.refundApproval(taskId);
        String digest =
                desk.awaitInbox("alice", List.of(approvalId), Deadlines.STEP).get(approvalId);
        desk.approve("alice", approvalId, digest);
        JsonNode recorded = Eventually.until(
                "the refund of " + taskId + " recorded as executed",
                Deadlines.STEP,
                Deadlines.POLL,
                () -> api.get("olga", "/api/records/tasks/" + taskId).json(),
                rows -> rows != null && lines(rows).contains("a2 execution executed"));
        api.get("olga", "/api/tasks/" + taskId).expect(200);

        cluster.probe().deleteAndAwaitGone(taskId, Deadlines.STEP);

        api.get("olga", "/api/tasks/" + taskId).expect(404);
        JsonNode kept = api.get("olga", "/api/records/tasks/" + taskId).expect(200);
        assertThat(lines(kept)).isEqualTo(lines(recorded)).contains("a2 decision-0 approve");
        assertThat(StreamSupport.stream(kept.spliterator(), false)
                        .filter(row -> "decision-0".equals(row.path("eventKey").asString()))
                        .map(row -> row.path("by").asString()))
                .containsExactly("alice");
        JsonNode stats = api.get("olga", "/api/policy/stats?since=" + since).expect(200);
        JsonNode medium = StreamSupport.stream(stats.path("rules").spliterator(), false)
                .filter(rule -> "medium-refunds".equals(rule.path("rule").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no medium-refunds in " + stats));
        assertThat(medium.path("approved").asInt()).isEqualTo(1);
        assertThat(stats.path("tasksRead").asInt()).isEqualTo(1);

        JsonNode report =
                api.post("ada", "/api/records/rebuild", Map.of(), Map.of()).expect(200);

        assertThat(StreamSupport.stream(report.path("tasksOnlyInStore").spliterator(), false)
                        .map(JsonNode::asString))
                .containsExactly(taskId);
        assertThat(report.path("rowsOnlyInStore").asInt()).isEqualTo(kept.size());
        assertThat(report.path("rowsAdded").asInt()).isZero();
    }

    private static List<String> lines(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false)
                .map(row -> row.path("actionId").asString() + " "
                        + row.path("eventKey").asString() + " "
                        + row.path("outcome").asString())
                .toList();
    }
}
