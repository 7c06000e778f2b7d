package dev.countersign.service.it;

import dev.countersign.service.testing.Eventually;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The demo's support desk over REST: dave starts refund tasks, reviewers read their inbox and
 * approve, an operator reads the ledger (the read scope keeps it from everyone else). Task ids are
 * chosen by the test, so a retried start can never start a second task.
 */
final class Desk {

    static final String REQUESTER = "dave";
    static final String OPERATOR = "olga";

    private final Api api;

    Desk(Api api) {
        this.api = api;
    }

    /** The approval id of a refund task's first refund proposal: a1 looks the order up, a2 refunds. */
    static String refundApproval(String taskId) {
        return taskId + ".a2";
    }

    void startRefund(String taskId, String orderId, BigDecimal amount) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("orderId", orderId);
        input.put("amount", amount);
        input.put("currency", "USD");
        input.put("customer", taskId + "@example.com");
        input.put("reason", "charged twice");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", taskId);
        body.put("agent", "support");
        body.put("goal", "Refund the duplicate charge on order " + orderId + ".");
        body.put("input", input);
        // 200: an earlier attempt of this very request started the task, and the retry found it.
        JsonNode started = api.post(REQUESTER, "/api/tasks", body, Map.of()).expect(201, 200);
        if (!taskId.equals(started.path("taskId").asString())) {
            throw new AssertionError("started " + started + " instead of " + taskId);
        }
    }

    /**
     * The approvals in {@code user}'s inbox (its first 500 tasks, the largest page: the suites keep
     * fewer waiting): approval id to the argsDigest shown.
     */
    Map<String, String> inbox(String user) {
        return approvals(api.get(user, "/api/approvals?limit=500").expect(200));
    }

    private static Map<String, String> approvals(JsonNode page) {
        Map<String, String> approvals = new LinkedHashMap<>();
        for (JsonNode approval : page) {
            approvals.put(
                    approval.path("approvalId").asString(),
                    approval.path("argsDigest").asString());
        }
        return approvals;
    }

    /** Polls {@code user}'s inbox until it shows every one of {@code approvalIds}. */
    Map<String, String> awaitInbox(String user, Collection<String> approvalIds, Duration timeout) {
        return Eventually.until(
                user + "'s inbox shows " + approvalIds.size() + " approvals",
                timeout,
                Deadlines.POLL,
                () -> inboxOrNothingYet(user),
                inbox -> inbox.keySet().containsAll(approvalIds));
    }

    /**
     * The inbox, or nothing while the service answers 503 (Temporal unavailable, with Retry-After), as
     * a reviewer's client would retry it: right after a Temporal server restart the listing's first
     * calls may still find the connection down.
     */
    private Map<String, String> inboxOrNothingYet(String user) {
        Api.Reply reply = api.get(user, "/api/approvals?limit=500");
        return reply.status() == 503 ? Map.of() : approvals(reply.expect(200));
    }

    /** Approves as {@code reviewer}, with a fresh Idempotency-Key; returns the decision's state. */
    String approve(String reviewer, String approvalId, String argsDigest) {
        return approve(reviewer, approvalId, argsDigest, UUID.randomUUID().toString());
    }

    String approve(String reviewer, String approvalId, String argsDigest, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", "approve");
        body.put("argsDigest", argsDigest);
        body.put("comment", "approved by the integration suite");
        return api.post(
                        reviewer,
                        "/api/approvals/" + approvalId + "/decision",
                        body,
                        Map.of("Idempotency-Key", idempotencyKey))
                .expect(200)
                .path("state")
                .asString();
    }

    /**
     * Each approval gets one decision from each of {@code reviewers} in turn (bob then carol for a
     * quorum of two), approvals concurrently on {@code threads} threads. Returns each approval's
     * last state.
     */
    Map<String, String> approveAll(
            Map<String, String> approvals, List<String> reviewers, int threads, Duration timeout) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<String, Future<String>> pending = new LinkedHashMap<>();
            approvals.forEach((approvalId, digest) -> pending.put(approvalId, pool.submit(() -> {
                String state = null;
                for (String reviewer : reviewers) {
                    state = approve(reviewer, approvalId, digest);
                }
                return state;
            })));
            return collect(pending, timeout);
        } finally {
            pool.shutdownNow();
        }
    }

    Ledger ledger() {
        return Ledger.of(api.get(OPERATOR, "/api/demo/ledger").expect(200));
    }

    /** Waits for every future within one shared deadline; the first failure fails the test. */
    static <T> Map<String, T> collect(Map<String, Future<T>> futures, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, T> results = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Future<T>> entry : futures.entrySet()) {
                long remaining = Math.max(0, deadline - System.nanoTime());
                results.put(entry.getKey(), entry.getValue().get(remaining, TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "only " + results.size() + " of " + futures.size() + " finished within " + timeout, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a request failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
