package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.service.testing.Eventually;
import dev.countersign.task.TaskStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas of the service, A and B, on one Temporal server over PostgreSQL and one database for
 * the service's own data, as they run behind a load balancer: whatever a user did through one
 * replica holds on the other, and a decision sent to both at once is applied once. Skipped where
 * `scripts/temporal-server.sh install` has not built the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final String A = Replicas.A;
    private static final String B = Replicas.B;
    private static final String LEAD = "alice";
    private static final BigDecimal NEEDS_A_LEAD = new BigDecimal("250");
    private static final String PENDING_GAUGE = "countersign_approvals_pending";
    private static final Pattern PENDING_SAMPLE = Pattern.compile(PENDING_GAUGE + "(?:\\{[^}]*\\})? (\\S+)");

    /** Each test's short name in the summary line, in the order the tests run. */
    private static final Map<String, String> PROPERTIES = properties();

    private final Map<String, String> outcomes = new LinkedHashMap<>();
    private long began;
    private Replicas replicas;

    @RegisterExtension
    final TestWatcher summary = new TestWatcher() {
        @Override
        public void testSuccessful(ExtensionContext context) {
            record(context, "ok");
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            record(context, "FAILED");
            if (replicas != null) {
                System.out.println(replicas.logTails());
            }
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            record(context, "skipped");
        }

        @Override
        public void testDisabled(ExtensionContext context, Optional<String> reason) {
            record(context, "skipped");
        }
    };

    @BeforeAll
    void startTwoReplicas() {
        assumeTrue(
                PostgresTemporal.installed(),
                "the Temporal server is not installed: run scripts/temporal-server.sh install (needs Go)");
        began = System.nanoTime();
        replicas = Replicas.start(ReplicasIT.class);
        System.out.printf("replicas: Temporal, PostgreSQL and replicas A and B started in %d ms%n", millisSince(began));
    }

    @AfterAll
    void stopEverything() {
        try {
            if (replicas != null) {
                replicas.close();
            }
        } finally {
            System.out.println("replicas: "
                    + PROPERTIES.values().stream()
                            .map(property -> property + "=" + outcomes.getOrDefault(property, "not run"))
                            .collect(Collectors.joining(" ")));
            if (began != 0) {
                System.out.printf("replicas: started, ran and stopped everything in %d ms%n", millisSince(began));
            }
        }
    }

    @Test
    @Order(1)
    void aTokenCreatedOnOneReplicaWorksOnTheOtherUntilRevokedThere() {
        JsonNode issued = api(A).post(
                        LEAD, "/api/tokens", Map.of("name", "replicas-laptop", "lifetime", "PT1H"), Map.of())
                .expect(201);
        String secret = issued.path("secret").asString();
        String tokenId = issued.path("info").path("id").asString();

        Api.Reply onB = api(B).getWithToken(secret, "/api/tokens");
        assertThat(onB.status())
                .as("the token made on A, used on B: %s", onB.text())
                .isEqualTo(200);
        assertThat(onB.json().findValuesAsString("id"))
                .as("B takes the token for alice's and lists it")
                .contains(tokenId);
        assertThat(api(A).getWithToken(secret, "/api/approvals").status()).isEqualTo(200);

        api(B).delete(LEAD, "/api/tokens/" + tokenId).expect(204);
        Api.Reply onA = api(A).getWithToken(secret, "/api/approvals");
        assertThat(onA.status())
                .as("the token revoked on B, used on A at once: %s", onA.text())
                .isEqualTo(401);
        assertThat(onA.text()).as("A says why").contains("revoked");
        assertThat(api(B).getWithToken(secret, "/api/approvals").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aDecisionSentToBothReplicasAtOnceIsAppliedOnce() throws Exception {
        String taskId = "replicas-race-1";
        String approvalId = Desk.refundApproval(taskId);
        desk(A).startRefund(taskId, RefundTasks.orderId(taskId), NEEDS_A_LEAD);
        String digest =
                desk(A).awaitInbox(LEAD, List.of(approvalId), Deadlines.STEP).get(approvalId);
        desk(B).awaitInbox(Replicas.SECOND_LEAD, List.of(approvalId), Deadlines.STEP);

        Map<String, Api.Reply> answers =
                approveAtOnce(approvalId, digest, Map.of(LEAD, api(A), Replicas.SECOND_LEAD, api(B)));

        List<String> winners = answers.entrySet().stream()
                .filter(answer -> answer.getValue().status() == 200)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(winners).as("who got 200: %s", answers).hasSize(1);
        String winner = winners.get(0);
        assertThat(answers.get(winner).json().path("state").asString()).isEqualTo("APPROVED");
        answers.forEach((reviewer, answer) -> {
            if (!reviewer.equals(winner)) {
                assertThat(answer.status())
                        .as("the other decision: %s", answer.text())
                        .isEqualTo(409);
                assertThat(answer.text()).contains(DecisionRefusal.ALREADY_DECIDED);
            }
        });

        System.out.println("replicas: approved at once, " + LEAD + " on A and " + Replicas.SECOND_LEAD + " on B: "
                + answers.entrySet().stream()
                        .map(answer -> answer.getKey() + " " + answer.getValue().status())
                        .collect(Collectors.joining(", ")));
        awaitStatus(B, taskId, TaskStatus.COMPLETED);
        Ledger ledger = desk(B).ledger();
        assertThat(ledger.refundsByTask().get(taskId))
                .as("the demo ledger's refunds of %s", taskId)
                .hasSize(1);
        assertThat(replicas.database().refundRows(taskId))
                .as("rows of the refunds table")
                .isEqualTo(1);
        List<JsonNode> decisions = decisionsOn(taskId, approvalId);
        assertThat(decisions).as("the decision record of %s", approvalId).hasSize(1);
        assertThat(decisions.get(0).path("actor").asString())
                .as("the reviewer the record names")
                .isEqualTo(winner);
    }

    @Test
    @Order(3)
    void theLiveInboxBehindOneReplicaFollowsTasksOfTheOther() {
        ConsoleSession lead = ConsoleSession.signIn(replicas.port(B), LEAD);
        LiveInbox inbox = LiveInbox.open(lead, replicas.port(B));
        String taskId = "replicas-inbox-1";
        String approvalId = Desk.refundApproval(taskId);
        assertThat(inbox.shows(approvalId)).isFalse();

        desk(A).startRefund(taskId, RefundTasks.orderId(taskId), NEEDS_A_LEAD);
        int pollsToShow = inbox.awaitRow(approvalId, Deadlines.STEP);
        assertThat(inbox.rows()).contains(taskId).contains("issue_refund");

        String digest =
                desk(A).awaitInbox(LEAD, List.of(approvalId), Deadlines.STEP).get(approvalId);
        assertThat(desk(A).approve(LEAD, approvalId, digest)).isEqualTo("APPROVED");
        int pollsToDrop = inbox.awaitNoRow(approvalId, Deadlines.STEP);
        System.out.printf(
                "replicas: B's open inbox showed the task started on A after %d polls, dropped it %d polls after"
                        + " A's approval%n",
                pollsToShow, pollsToDrop);
    }

    @Test
    @Order(4)
    void aClaimMadeOnOneReplicaIsSeenOnTheOther() {
        String taskId = "replicas-claim-1";
        String approvalId = Desk.refundApproval(taskId);
        String page = "/approvals/" + approvalId;
        desk(A).startRefund(taskId, RefundTasks.orderId(taskId), NEEDS_A_LEAD);
        String digest =
                desk(A).awaitInbox(LEAD, List.of(approvalId), Deadlines.STEP).get(approvalId);

        ConsoleSession lead = ConsoleSession.signIn(replicas.port(A), LEAD);
        lead.get(replicas.port(A), page).expect(200);
        ConsoleSession.Page claimed = lead.post(replicas.port(A), page + "/claim", Map.of());
        assertThat(claimed.status())
                .as("alice's claim on A: %s", claimed.body())
                .isEqualTo(302);
        assertThat(lead.get(replicas.port(A), page).expect(200).body()).contains("You are looking at this approval");

        ConsoleSession second = ConsoleSession.signIn(replicas.port(B), Replicas.SECOND_LEAD);
        assertThat(second.get(replicas.port(B), page).expect(200).body())
                .as("erin's approval page on B")
                .contains(LEAD + " is looking at this since");
        assertThat(second.get(replicas.port(B), "/inbox").expect(200).body())
                .as("erin's inbox on B, column Looking")
                .contains(LEAD + " since");
        second.post(replicas.port(B), page + "/claim", Map.of());
        assertThat(second.get(replicas.port(B), page).expect(200).body())
                .as("B's answer to erin's own claim")
                .contains(LEAD + " is already looking at this approval.");

        assertThat(desk(A).approve(LEAD, approvalId, digest)).isEqualTo("APPROVED");
    }

    @Test
    @Order(5)
    void aConsoleSessionSurvivesItsReplicasRestartAndWorksOnTheOther() {
        ConsoleSession lead = ConsoleSession.signIn(replicas.port(A), LEAD);
        Map<String, String> cookies = lead.cookies();

        replicas.restart(A);

        // The first request after the restart is a POST with the CSRF token A gave before it.
        ConsoleSession.Page created =
                lead.post(replicas.port(A), "/tokens", Map.of("name", "after-restart", "lifetime", "30 days"));
        assertThat(created.status())
                .as(
                        "a form POST with the old cookie and CSRF token on the restarted A: %s %s",
                        created.location(), created.body())
                .isEqualTo(200);
        assertThat(created.body()).contains("id=\"token-secret\"").contains("after-restart");
        assertSignedIn(lead, A, LEAD);
        assertThat(lead.cookies()).as("the browser's cookies").isEqualTo(cookies);

        assertSignedIn(lead, B, LEAD);
        ConsoleSession.Page onB =
                lead.post(replicas.port(B), "/tokens", Map.of("name", "on-replica-b", "lifetime", "30 days"));
        assertThat(onB.status())
                .as("the same session's form POST on B: %s %s", onB.location(), onB.body())
                .isEqualTo(200);
        assertThat(onB.body()).contains("on-replica-b");
    }

    @Test
    @Order(6)
    void onlyOneReplicaExportsThePendingGaugeAndTheOtherTakesOverWhenItStops() {
        Map<String, BigDecimal> waiting = RefundTasks.of("replicas-gauge", 2, NEEDS_A_LEAD.toPlainString());
        waiting.forEach((taskId, amount) -> desk(A).startRefund(taskId, RefundTasks.orderId(taskId), amount));
        desk(B).awaitInbox(LEAD, RefundTasks.approvalIds(waiting), Deadlines.STEP);
        double pending = waiting.size();

        Map<String, OptionalDouble> gauges = Eventually.until(
                "exactly one of A and B exports " + PENDING_GAUGE + " " + pending,
                Deadlines.STEP,
                Deadlines.POLL,
                () -> pendingGauges(List.of(A, B)),
                exported -> exporters(exported).size() == 1
                        && exported.get(exporters(exported).get(0)).getAsDouble() == pending);
        String holder = exporters(gauges).get(0);
        String other = holder.equals(A) ? B : A;

        replicas.stop(holder);
        long stopped = System.nanoTime();
        Eventually.until(
                other + " exports " + PENDING_GAUGE + " " + pending + " once " + holder + " stopped",
                Deadlines.STEP,
                Deadlines.POLL,
                () -> pendingGauges(List.of(other)).get(other),
                exported -> exported.isPresent() && exported.getAsDouble() == pending);
        System.out.printf(
                "replicas: %s = %.0f exported by %s only; %s took over %d ms after %s had exited%n",
                PENDING_GAUGE, pending, holder, other, millisSince(stopped), holder);
    }

    /** Each replica's {@value #PENDING_GAUGE} as an operator scrapes it; empty where it is not exported. */
    private Map<String, OptionalDouble> pendingGauges(List<String> names) {
        Map<String, OptionalDouble> gauges = new LinkedHashMap<>();
        for (String name : names) {
            Api.Reply scrape = api(name).get(Desk.OPERATOR, "/actuator/prometheus", Map.of("Accept", "text/plain"));
            scrape.expect(200);
            gauges.put(
                    name,
                    scrape.text()
                            .lines()
                            .map(PENDING_SAMPLE::matcher)
                            .filter(Matcher::matches)
                            .mapToDouble(sample -> Double.parseDouble(sample.group(1)))
                            .findFirst());
        }
        return gauges;
    }

    private static List<String> exporters(Map<String, OptionalDouble> gauges) {
        return gauges.entrySet().stream()
                .filter(gauge -> gauge.getValue().isPresent())
                .map(Map.Entry::getKey)
                .toList();
    }

    private void assertSignedIn(ConsoleSession session, String replica, String user) {
        ConsoleSession.Page inbox = session.get(replicas.port(replica), "/inbox");
        assertThat(inbox.status())
                .as(
                        "the inbox on %s with the same cookie (302 to the sign-in page would mean the session is gone)",
                        replica)
                .isEqualTo(200);
        assertThat(inbox.body()).contains("<span class=\"who-name\">" + user + "</span>");
    }

    /** Each reviewer approves through their replica, all released at the same instant. */
    private static Map<String, Api.Reply> approveAtOnce(String approvalId, String digest, Map<String, Api> reviewers)
            throws InterruptedException {
        CyclicBarrier together = new CyclicBarrier(reviewers.size());
        ExecutorService pool = Executors.newFixedThreadPool(reviewers.size());
        try {
            Map<String, Future<Api.Reply>> pending = new LinkedHashMap<>();
            reviewers.forEach((reviewer, api) -> pending.put(reviewer, pool.submit(() -> {
                Map<String, Object> body = Map.of("decision", "approve", "argsDigest", digest, "comment", "mine");
                Map<String, String> key =
                        Map.of("Idempotency-Key", UUID.randomUUID().toString());
                together.await();
                return api.post(reviewer, "/api/approvals/" + approvalId + "/decision", body, key);
            })));
            return Desk.collect(pending, Deadlines.STEP);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The DECISION entries of the task's history for one approval. */
    private List<JsonNode> decisionsOn(String taskId, String approvalId) {
        JsonNode history =
                api(A).get(Desk.OPERATOR, "/api/tasks/" + taskId + "/history").expect(200);
        List<JsonNode> decisions = new ArrayList<>();
        for (JsonNode event : history.path("events")) {
            if ("DECISION".equals(event.path("kind").asString())
                    && approvalId.equals(
                            event.path("details").path("approvalId").asString())) {
                decisions.add(event);
            }
        }
        return decisions;
    }

    private void awaitStatus(String replica, String taskId, TaskStatus status) {
        Eventually.until(
                taskId + " is " + status + " on replica " + replica,
                Deadlines.STEP,
                Deadlines.POLL,
                () -> api(replica)
                        .get(Desk.REQUESTER, "/api/tasks/" + taskId)
                        .expect(200)
                        .path("status")
                        .asString(),
                status.name()::equals);
    }

    private Api api(String replica) {
        return replicas.api(replica);
    }

    private Desk desk(String replica) {
        return new Desk(api(replica));
    }

    private void record(ExtensionContext context, String outcome) {
        String property = PROPERTIES.get(context.getRequiredTestMethod().getName());
        if (property != null) {
            outcomes.put(property, outcome);
        }
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aTokenCreatedOnOneReplicaWorksOnTheOtherUntilRevokedThere", "token");
        properties.put("aClaimMadeOnOneReplicaIsSeenOnTheOther", "claim");
        properties.put("aConsoleSessionSurvivesItsReplicasRestartAndWorksOnTheOther", "session");
        properties.put("aDecisionSentToBothReplicasAtOnceIsAppliedOnce", "decision");
        properties.put("theLiveInboxBehindOneReplicaFollowsTasksOfTheOther", "inbox");
        properties.put("onlyOneReplicaExportsThePendingGaugeAndTheOtherTakesOverWhenItStops", "gauge");
        return properties;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
