package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The inbox read page by page and a bulk approval over the API, on the running service: each
 * approval of a bulk request is decided as a single one is, a retry with the same Idempotency-Key
 * gets the same answers, and each refund runs once.
 */
class BulkApprovalThroughTheApiTest extends AcceptanceTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void bulkApprovalRecordsEachApprovalAndRefusesTheDecidedAndTheChangedOnes() {
        String first = SupportDesk.refundApproval(desk.startRefund("A-1", "250", "USD"));
        String second = SupportDesk.refundApproval(desk.startRefund("A-2", "80", "USD"));
        String decided = SupportDesk.refundApproval(desk.startRefund("B-7", "450", "EUR"));
        String changed = SupportDesk.refundApproval(desk.startRefund("A-3", "300", "USD"));
        Map<String, String> digests = new LinkedHashMap<>();
        for (String approval : List.of(first, second, decided, changed)) {
            digests.put(
                    approval, desk.awaitApproval(approval).path("argsDigest").asString());
        }
        desk.decide("alice", decided, SupportDesk.decision("approve", digests.get(decided)))
                .ok(200);
        String changedDigest = digests.put(changed, "sha256:" + "0".repeat(64));
        Map<String, Object> body = bulk("approve", digests);
        Map<String, String> key = Map.of("Idempotency-Key", "bulk-" + UUID.randomUUID());

        JsonNode answer =
                desk.as("alice").post("/api/approvals/decisions", body, key).ok(200);
        JsonNode retried =
                desk.as("alice").post("/api/approvals/decisions", body, key).ok(200);

        assertThat(answer.path("recorded").asInt()).isEqualTo(2);
        assertThat(answer.path("refused").asInt()).isEqualTo(2);
        JsonNode results = answer.path("results");
        assertThat(results.get(0).path("approvalId").asString()).isEqualTo(first);
        assertThat(results.get(0).path("state").asString()).isEqualTo("APPROVED");
        assertThat(results.get(1).path("recorded").asBoolean()).isTrue();
        assertThat(results.get(2).path("recorded").asBoolean()).isFalse();
        assertThat(results.get(2).path("problem").path("code").asString()).isEqualTo("ApprovalAlreadyDecided");
        assertThat(results.get(2).path("problem").path("status").asInt()).isEqualTo(409);
        assertThat(results.get(3).path("problem").path("code").asString()).isEqualTo("StaleArgsDigest");
        assertThat(retried.path("recorded").asInt()).isEqualTo(2);
        assertThat(retried.path("results").get(0)).isEqualTo(results.get(0));
        assertThat(retried.path("results").get(1)).isEqualTo(results.get(1));

        for (String approval : List.of(first, second, decided)) {
            String taskId = approval.substring(0, approval.lastIndexOf('.'));
            desk.awaitStatus(taskId, "COMPLETED");
            assertThat(desk.refunds(taskId)).as("refunds of %s", taskId).hasSize(1);
        }
        desk.decide("alice", changed, SupportDesk.decision("reject", changedDigest, "test clean-up"))
                .ok(200);
    }

    @Test
    void followingTheNextLinksListsEveryPendingApprovalOnce() {
        List<String> started = new ArrayList<>();
        for (String order : List.of("A-1", "A-2", "B-7")) {
            String approval =
                    SupportDesk.refundApproval(desk.startRefund(order, "50", order.startsWith("B") ? "EUR" : "USD"));
            desk.awaitApproval(approval);
            started.add(approval);
        }

        List<String> listed = new ArrayList<>();
        String next = "/api/approvals?limit=1";
        int pages = 0;
        while (next != null && pages++ < 200) {
            Reply page = desk.as("alice").get(next);
            JsonNode rows = page.ok(200);
            assertThat(rows.size()).as("rows of %s", next).isLessThanOrEqualTo(1);
            // Other tests' tasks that cannot be read are listed too, as rows named by their task.
            rows.forEach(row -> listed.add(
                    row.has("approvalId")
                            ? row.path("approvalId").asString()
                            : "unreadable " + row.path("taskId").asString()));
            Matcher link = NEXT.matcher(page.header("Link"));
            next = link.find() ? link.group(1) : null;
        }

        assertThat(next).as("the last page has no next link").isNull();
        assertThat(listed).doesNotHaveDuplicates().containsAll(started);
        Map<String, String> digests = new LinkedHashMap<>();
        started.forEach(approval -> digests.put(
                approval, desk.awaitApproval(approval).path("argsDigest").asString()));
        Map<String, Object> rejectAll = bulk("reject", digests);
        rejectAll.put("comment", "test clean-up");
        assertThat(desk.as("alice")
                        .post("/api/approvals/decisions", rejectAll)
                        .ok(200)
                        .path("recorded")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void aRequesterWhoReviewsNothingCannotBulkApprove() {
        String approval = SupportDesk.refundApproval(desk.startRefund("A-1", "250", "USD"));
        String digest = desk.awaitApproval(approval).path("argsDigest").asString();

        desk.as("dave")
                .post("/api/approvals/decisions", bulk("approve", Map.of(approval, digest)))
                .problem(403, "NotAnApprover");

        desk.decide("alice", approval, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
    }

    /** A bulk decision on these approvals, in the map's order, each with its digest. */
    private static Map<String, Object> bulk(String decision, Map<String, String> digests) {
        List<Map<String, String>> approvals = new ArrayList<>();
        digests.forEach((approval, digest) -> approvals.add(Map.of("approvalId", approval, "argsDigest", digest)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("approvals", approvals);
        return body;
    }
}
