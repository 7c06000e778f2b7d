package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.countersign.service.testing.Eventually;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The steps the acceptance tests share, spoken over HTTP: start a demo refund task, wait until the
 * task reaches a state, decide an approval, and read the demo ledger for one task (as an operator). Task ids carry a
 * UUID, so tests that share a running service never see each other's tasks or ledger rows.
 */
final class SupportDesk {

    static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ApiClient anonymous;

    SupportDesk(ApiClient anonymous) {
        this.anonymous = anonymous;
    }

    ApiClient as(String user) {
        return anonymous.as(user);
    }

    static String uniqueTaskId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static Map<String, Object> refundTask(String taskId, String orderId, String amount, String currency) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("orderId", orderId);
        input.put("amount", new BigDecimal(amount));
        input.put("currency", currency);
        input.put("customer", "customer-" + taskId.hashCode() + "@example.com");
        input.put("reason", "charged twice for order " + orderId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", taskId);
        body.put("agent", "support");
        body.put("goal", "Refund the duplicate charge on order " + orderId + ".");
        body.put("input", input);
        return body;
    }

    /** Starts a refund task as {@code requester} and returns its id, asserting 201 Created. */
    String startRefund(String requester, String orderId, String amount, String currency) {
        String taskId = uniqueTaskId("refund");
        JsonNode started = as(requester)
                .post("/api/tasks", refundTask(taskId, orderId, amount, currency))
                .ok(201);
        assertThat(started.path("taskId").asString()).isEqualTo(taskId);
        return taskId;
    }

    String startRefund(String orderId, String amount, String currency) {
        return startRefund("dave", orderId, amount, currency);
    }

    /** The task as an operator reads it: operators read every task, whoever requested it. */
    JsonNode task(String taskId) {
        return as("olga").get("/api/tasks/" + taskId).ok(200);
    }

    /** Polls the task until it satisfies {@code condition}, or fails after {@link #DEADLINE}. */
    JsonNode awaitTask(String taskId, String what, Predicate<JsonNode> condition) {
        return await("task " + taskId, what, () -> task(taskId), condition);
    }

    /** Polls {@code user}'s GET {@code path} until its answer satisfies {@code condition}. */
    JsonNode awaitAnswer(String user, String path, String what, Predicate<JsonNode> condition) {
        return await(
                "GET " + path + " as " + user, what, () -> as(user).get(path).ok(200), condition);
    }

    private static JsonNode await(
            String subject, String what, java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> condition) {
        return Eventually.until(subject + " reaches " + what, DEADLINE, POLL, read::get, condition);
    }

    JsonNode awaitStatus(String taskId, String status) {
        return awaitTask(
                taskId, status, task -> status.equals(task.path("status").asString()));
    }

    /** Waits until the task holds the approval {@code approvalId} for reviewers and returns that approval. */
    JsonNode awaitApproval(String approvalId) {
        String taskId = approvalId.substring(0, approvalId.lastIndexOf('.'));
        return awaitTask(
                        taskId,
                        "AWAITING_APPROVAL of " + approvalId,
                        task -> "AWAITING_APPROVAL".equals(task.path("status").asString())
                                && approvalId.equals(
                                        task.path("pendingApprovalId").asString()))
                .path("pendingApproval");
    }

    /** The approval id of the task's first refund proposal: a1 looks the order up, a2 refunds. */
    static String refundApproval(String taskId) {
        return taskId + ".a2";
    }

    static Map<String, Object> decision(String decision, String argsDigest) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (argsDigest != null) {
            body.put("argsDigest", argsDigest);
        }
        return body;
    }

    static Map<String, Object> decision(String decision, String argsDigest, String comment) {
        Map<String, Object> body = decision(decision, argsDigest);
        body.put("comment", comment);
        return body;
    }

    static Map<String, Object> edit(String argsDigest, Map<String, Object> args, String comment) {
        Map<String, Object> body = decision("edit", argsDigest, comment);
        body.put("args", args);
        return body;
    }

    Reply decide(String reviewer, String approvalId, Map<String, Object> body) {
        return as(reviewer).post("/api/approvals/" + approvalId + "/decision", body);
    }

    /** The approval ids in {@code reviewer}'s inbox. */
    List<String> inbox(String reviewer) {
        JsonNode approvals = as(reviewer).get("/api/approvals").ok(200);
        return StreamSupport.stream(approvals.spliterator(), false)
                .map(approval -> approval.path("approvalId").asString())
                .toList();
    }

    List<JsonNode> refunds(String taskId) {
        return ledgerRows("refunds", taskId);
    }

    List<JsonNode> emails(String taskId) {
        return ledgerRows("emails", taskId);
    }

    private List<JsonNode> ledgerRows(String table, String taskId) {
        JsonNode ledger = as("olga").get("/api/demo/ledger").ok(200);
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : ledger.path(table)) {
            if (taskId.equals(row.path("taskId").asString())) {
                rows.add(row);
            }
        }
        return rows;
    }

    static JsonNode action(JsonNode task, String actionId) {
        for (JsonNode action : task.path("actions")) {
            if (actionId.equals(action.path("actionId").asString())) {
                return action;
            }
        }
        return fail("task %s has no action %s: %s", task.path("taskId").asString(), actionId, task);
    }

    static BigDecimal amount(JsonNode node) {
        return node.path("amount").decimalValue();
    }
}
