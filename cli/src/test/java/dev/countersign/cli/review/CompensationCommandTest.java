package dev.countersign.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompensationCommandTest {

    static final String ACTION = "/api/tasks/ticket-9817/actions/a2/compensation/";

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        cli = new Cli(home).loggedIn(server.url(), "olga", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRetryThatWorksSaysWhichCompensationRan() {
        server.on("POST", ACTION + "retry", 200, """
                {"taskId":"ticket-9817","actionId":"a2","review":{"state":"ROLLED_BACK","reviewer":"olga"},
                 "compensation":{"compensation":"reverse_refund","result":{"amount":-250}}}
                """);

        Cli.Result result = cli.runWithConfig("compensation", "retry", "ticket-9817", "a2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("retried ticket-9817 a2: rolled back (reverse_refund)");
    }

    @Test
    void aRetryThatFailsAgainExitsWithAnError() {
        server.on("POST", ACTION + "retry", 200, """
                {"review":{"state":"ROLLBACK_FAILED"},"compensation":{"error":"ledger is read-only"}}
                """);

        Cli.Result result = cli.runWithConfig("compensation", "retry", "ticket-9817", "a2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("the rollback failed after its retries: ledger is read-only");
    }

    @Test
    void resolveSendsTheCommentAndNeedsOne() {
        server.on("POST", ACTION + "resolve", 200, "{\"review\":{\"state\":\"ROLLED_BACK\",\"reviewer\":\"olga\"}}");

        Cli.Result result = cli.runWithConfig(
                "compensation", "resolve", "ticket-9817", "a2", "--comment", "reversed in the bank portal");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.requests().get(0).json().toString())
                .isEqualTo("{\"comment\":\"reversed in the bank portal\"}");
        assertThat(result.out()).contains("resolved ticket-9817 a2 by hand");
        assertThat(cli.runWithConfig("compensation", "resolve", "ticket-9817", "a2")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void anActionWhoseRollbackDidNotFailIsAConflictWithAHint() {
        server.on("POST", ACTION + "retry", 409, """
                {"type":"https://countersign.dev/problems/not-applicable","title":"Not applicable","status":409,
                 "detail":"action a2's rollback did not fail","code":"NotApplicable","instance":"/x"}
                """);

        Cli.Result result = cli.runWithConfig("compensation", "retry", "ticket-9817", "a2");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("rollback did not fail");
    }

    @Test
    void onlyOperatorsMayActOnCompensations() {
        server.on("POST", ACTION + "retry", 403, """
                {"type":"https://countersign.dev/problems/not-allowed-to-review","title":"Forbidden","status":403,
                 "detail":"only operators retry compensations","code":"NotAllowedToReview","instance":"/x"}
                """);

        assertThat(cli.runWithConfig("compensation", "retry", "ticket-9817", "a2")
                        .exitCode())
                .isEqualTo(3);
    }

    @Test
    void jsonOutputPrintsTheAnswerOrAnEmptyObjectForNoAnswer() {
        server.on("POST", ACTION + "retry", 200, "{\"review\":{\"state\":\"ROLLED_BACK\"}}");
        server.on("POST", ACTION + "resolve", 202, "");

        Cli.Result retried = cli.runWithConfig("compensation", "retry", "ticket-9817", "a2", "-o", "json");
        Cli.Result resolved = cli.runWithConfig(
                "compensation", "resolve", "ticket-9817", "a2", "-c", "undone by hand", "--output", "json");

        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(retried.out()).contains("\"state\" : \"ROLLED_BACK\"").doesNotContain("retried");
        assertThat(resolved.exitCode()).as(resolved.err()).isZero();
        assertThat(resolved.out().strip()).isEqualTo("{ }");
    }

    @Test
    void jsonOutputPrintsTheProblemOfARefusal() {
        server.on("POST", ACTION + "retry", 409, """
                {"type":"https://countersign.dev/problems/not-applicable","title":"Not applicable","status":409,
                 "detail":"action a2's rollback did not fail","code":"NotApplicable","instance":"/x"}
                """);
        Cli.Result refused = cli.runWithConfig("compensation", "retry", "ticket-9817", "a2", "-o", "json");

        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.out()).contains("\"code\" : \"NotApplicable\"");
        assertThat(refused.err()).contains("rollback did not fail");
    }
}
