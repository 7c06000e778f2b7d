package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Criterion 10: duplicate decisions, whether racing or retried with the same Idempotency-Key, never
 * run a refund twice.
 */
class DuplicateDecisionsRunTheRefundOnceTest extends AcceptanceTest {

    private static final int THREADS = 8;

    @Test
    void eightConcurrentApprovalsHaveExactlyOneWinner() throws Exception {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        List<Reply> replies = all(() -> desk.decide("alice", approvalId, SupportDesk.decision("approve", digest)));

        List<Reply> winners =
                replies.stream().filter(reply -> reply.status() == 200).toList();
        assertThat(winners).as("200 answers among %s", texts(replies)).hasSize(1);
        assertThat(winners.get(0).json().path("state").asString()).isEqualTo("APPROVED");
        for (Reply loser : replies) {
            if (loser.status() == 409) {
                loser.problem(409, "ApprovalAlreadyDecided");
            } else if (loser.status() == 403) {
                loser.problem(403, "AlreadyApprovedByReviewer");
            } else {
                assertThat(loser.status()).as("answer %s", loser.text()).isEqualTo(200);
            }
        }
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).hasSize(1);
        assertThat(SupportDesk.action(desk.task(taskId), "a2").path("decisions"))
                .hasSize(1);
    }

    @Test
    void retriedDecisionWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String path = "/api/approvals/" + approvalId + "/decision";

        Reply first = desk.as("alice").post(path, SupportDesk.decision("approve", digest), key);
        Reply retry = desk.as("alice").post(path, SupportDesk.decision("approve", digest), key);

        assertThat(first.ok(200).path("state").asString()).isEqualTo("APPROVED");
        assertThat(retry.ok(200)).isEqualTo(first.json());
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).hasSize(1);
    }

    @Test
    void retryAfterTheTaskEndedStillGetsTheFirstAnswer() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String path = "/api/approvals/" + approvalId + "/decision";
        JsonNode first = desk.as("alice")
                .post(path, SupportDesk.decision("approve", digest), key)
                .ok(200);
        desk.awaitStatus(taskId, "COMPLETED");

        Reply retry = desk.as("alice").post(path, SupportDesk.decision("approve", digest), key);

        assertThat(retry.ok(200)).isEqualTo(first);
        assertThat(desk.refunds(taskId)).hasSize(1);
    }

    @Test
    void retriedApprovalCountsOnceTowardsTheQuorum() {
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String path = "/api/approvals/" + approvalId + "/decision";

        JsonNode first = desk.as("bob")
                .post(path, SupportDesk.decision("approve", digest), key)
                .ok(200);
        JsonNode retry = desk.as("bob")
                .post(path, SupportDesk.decision("approve", digest), key)
                .ok(200);

        assertThat(retry).isEqualTo(first);
        assertThat(first.path("state").asString()).isEqualTo("PENDING");
        JsonNode pending = desk.as("carol").get("/api/approvals/" + approvalId).ok(200);
        assertThat(pending.path("approvals").asInt()).isEqualTo(1);
        assertThat(pending.path("approvers")).extracting(JsonNode::asString).containsExactly("bob");
        desk.decide("carol", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).isEmpty();
    }

    /**
     * The workflow refuses a decision id that another reviewer used (InvalidDecision), but the
     * facade makes the Idempotency-Key the Temporal update id, and the server answers a repeated
     * update id with the first outcome before the workflow sees it: carol gets bob's answer, 200.
     */
    @Test
    void idempotencyKeyOfAnotherReviewerIsNotAnsweredWithTheirResult() {
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String path = "/api/approvals/" + approvalId + "/decision";
        desk.as("bob").post(path, SupportDesk.decision("approve", digest), key).ok(200);

        Reply carolWithBobsKey = desk.as("carol").post(path, SupportDesk.decision("approve", digest), key);

        try {
            carolWithBobsKey.problem(400, "InvalidDecision");
        } finally {
            desk.decide("carol", approvalId, SupportDesk.decision("reject", digest, "test clean-up"));
            desk.awaitStatus(taskId, "COMPLETED");
        }
    }

    /** Item 5 of issue 11: the second decision used to get the first one's answer and was dropped. */
    @Test
    void aDifferentDecisionWithTheSameIdempotencyKeyIsRefusedNamingTheFirst() {
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, String> key = Map.of("Idempotency-Key", "k-" + UUID.randomUUID());
        String path = "/api/approvals/" + approvalId + "/decision";
        JsonNode approved = desk.as("bob")
                .post(path, SupportDesk.decision("approve", digest), key)
                .ok(200);

        Reply reject = desk.as("bob").post(path, SupportDesk.decision("reject", digest, "changed my mind"), key);
        Reply approveAgain = desk.as("bob").post(path, SupportDesk.decision("approve", digest), key);

        try {
            JsonNode problem = reject.problem(422, "IdempotencyKeyReused");
            assertThat(problem.path("type").asString())
                    .isEqualTo("https://countersign.dev/problems/idempotency-key-reused");
            assertThat(problem.path("detail").asString())
                    .startsWith("Idempotency-Key " + key.get("Idempotency-Key") + " was used for approve of "
                            + approvalId + " at ")
                    .endsWith("; a different decision needs a new key");
            assertThat(approveAgain.ok(200)).isEqualTo(approved);
            JsonNode pending =
                    desk.as("carol").get("/api/approvals/" + approvalId).ok(200);
            assertThat(pending.path("approvals").asInt()).isEqualTo(1);
        } finally {
            desk.decide("carol", approvalId, SupportDesk.decision("reject", digest, "test clean-up"));
            desk.awaitStatus(taskId, "COMPLETED");
        }
        assertThat(desk.refunds(taskId)).isEmpty();
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyAllGetTheSameAnswer() throws Exception {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        List<Reply> replies = all(() -> desk.as("alice")
                .post("/api/approvals/" + approvalId + "/decision", SupportDesk.decision("approve", digest), key));

        assertThat(replies)
                .as("answers %s", texts(replies))
                .allSatisfy(reply ->
                        assertThat(reply.ok(200)).isEqualTo(replies.get(0).json()));
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).hasSize(1);
    }

    /** Sends the request from {@link #THREADS} threads released at the same moment. */
    private static List<Reply> all(Supplier<Reply> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<CompletableFuture<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitOthers(start);
                            return request.get();
                        },
                        pool));
            }
            List<Reply> replies = new ArrayList<>();
            for (CompletableFuture<Reply> future : futures) {
                replies.add(future.get(30, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitOthers(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the threads did not start together", e);
        }
    }

    private static List<String> texts(List<Reply> replies) {
        return replies.stream()
                .map(reply -> reply.status() + " " + reply.text())
                .toList();
    }
}
