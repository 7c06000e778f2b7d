package dev.countersign.cli.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import dev.countersign.cli.testing.FakeServer.Answer;
import dev.countersign.cli.testing.FakeServer.Recorded;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApproveTest {

    static final String APPROVAL = "/api/approvals/ticket-9817.a2";
    static final String DECISION = APPROVAL + "/decision";

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        server.onFixture("GET", APPROVAL, 200, "api/approval.json");
        cli = new Cli(home).loggedIn(server.url(), "alice", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void approvalSendsBasicAuthTheDigestItReadAndAnIdempotencyKey() {
        server.onFixture("POST", DECISION, 200, "api/decision-approved.json");

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a2", "--comment", "Matches the bank statement.");

        assertThat(result.exitCode()).isZero();
        Recorded decision = server.requests("POST", DECISION).get(0);
        assertThat(decision.header("Authorization")).isEqualTo("Basic YWxpY2U6ZGVtbw==");
        assertThat(decision.header("Content-Type")).isEqualTo("application/json");
        assertThat(UUID.fromString(decision.header("Idempotency-Key"))).isNotNull();
        JsonNode body = decision.json();
        assertThat(body.get("decision").asText()).isEqualTo("approve");
        assertThat(body.get("argsDigest").asText()).isEqualTo("sha256:9f2c");
        assertThat(body.get("comment").asText()).isEqualTo("Matches the bank statement.");
        assertThat(body.has("args")).isFalse();
        assertThat(server.requests()).extracting(Recorded::method).containsExactly("GET", "POST");
    }

    @Test
    void theOutputRepeatsWhatWasApprovedAndTheStateAfter() {
        server.onFixture("POST", DECISION, 200, "api/decision-approved.json");

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a2");

        assertThat(result.out())
                .contains("ticket-9817.a2: approve issue_refund {\"orderId\":42,\"amount\":250.0}")
                .contains("now APPROVED (1/1 approvals)");
    }

    @Test
    void severalIdsAreEachTheirOwnDecisionAndTheExitCodeIsTheWorst() {
        server.onFixture("POST", DECISION, 200, "api/decision-approved.json");
        server.onFixture("GET", "/api/approvals/ticket-9820.a3", 200, "api/approval.json");
        server.onFixture("POST", "/api/approvals/ticket-9820.a3/decision", 409, "problems/stale-args-digest.json");
        server.onFixture("GET", "/api/approvals/ticket-9999.a1", 404, "problems/approval-not-found.json");

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a2", "ticket-9820.a3", "ticket-9999.a1");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).contains("ticket-9817.a2: approve issue_refund");
        assertThat(result.err())
                .contains("error: ticket-9820.a3: Stale args digest: the arguments changed since you saw them")
                .contains("hint: the arguments changed; run `countersign inbox` and decide again")
                .contains("error: ticket-9999.a1: Approval not found");
        assertThat(server.requests("POST", DECISION)).hasSize(1);
        assertThat(server.requests("POST", "/api/approvals/ticket-9820.a3/decision"))
                .hasSize(1);
        assertThat(server.requests("POST", DECISION).get(0).header("Idempotency-Key"))
                .isNotEqualTo(server.requests("POST", "/api/approvals/ticket-9820.a3/decision")
                        .get(0)
                        .header("Idempotency-Key"));
    }

    @Test
    void aConflictAloneExitsWith5() {
        server.onFixture("POST", DECISION, 200, "api/decision-approved.json");
        server.onFixture("GET", "/api/approvals/ticket-9820.a3", 200, "api/approval.json");
        server.onFixture(
                "POST", "/api/approvals/ticket-9820.a3/decision", 409, "problems/approval-already-decided.json");

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a2", "ticket-9820.a3");

        assertThat(result.exitCode()).isEqualTo(5);
    }

    @Test
    void anApprovalDecidedAlreadyIsAConflictThatSaysWhatBecameOfIt() {
        server.onFixture("GET", "/api/approvals/ticket-9817.a1", 404, "problems/approval-not-found.json");
        server.onFixture("GET", "/api/tasks/ticket-9817", 200, "api/task.json");

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err())
                .contains("approval ticket-9817.a1 is no longer pending: the call is EXECUTED")
                .contains("run `countersign tasks show ticket-9817` to see who decided what");
        assertThat(server.requests("POST", "/api/approvals/ticket-9817.a1/decision"))
                .isEmpty();
    }

    @Test
    void aRetriedDecisionCarriesTheSameIdempotencyKey() {
        server.on("POST", DECISION, Answer.of(503, ""), Answer.fixture(200, "api/decision-approved.json"));

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a2");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("POST", DECISION))
                .hasSize(2)
                .extracting(request -> request.header("Idempotency-Key"))
                .doesNotContainNull()
                .containsOnly(server.requests("POST", DECISION).get(0).header("Idempotency-Key"));
        assertThat(cli.sleeps()).hasSize(1);
    }

    @Test
    void aPinnedDigestIsSentInsteadOfTheOneReadNow() {
        server.onFixture("POST", DECISION, 409, "problems/stale-args-digest.json");

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a2", "--args-digest", "sha256:seen-earlier");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(server.requests("POST", DECISION)
                        .get(0)
                        .json()
                        .get("argsDigest")
                        .asText())
                .isEqualTo("sha256:seen-earlier");
    }

    @Test
    void aPinnedDigestWithSeveralIdsIsAUsageError() {
        Cli.Result result = cli.runWithConfig("approve", "a.a1", "b.a1", "--args-digest", "sha256:x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void jsonOutputPrintsTheServersAnswerOrItsProblem() {
        server.onFixture("POST", DECISION, 409, "problems/stale-args-digest.json");

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a2", "-o", "json");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out()).contains("\"code\" : \"StaleArgsDigest\"");
        assertThat(result.err()).contains("error: Stale args digest");
    }
}
