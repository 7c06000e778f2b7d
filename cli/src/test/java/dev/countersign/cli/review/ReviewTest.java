package dev.countersign.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewTest {

    static final String REVIEW = "/api/tasks/ticket-9817/actions/a2/review";

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        cli = new Cli(home).loggedIn(server.url(), "alice", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reviewSendsTheVerdictAndComment() {
        server.on("POST", REVIEW, 200, "{\"taskId\":\"ticket-9817\",\"actionId\":\"a2\",\"verdict\":\"rollback\"}");

        Cli.Result result =
                cli.runWithConfig("review", "ticket-9817", "a2", "rollback", "--comment", "refunded the wrong order");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests().get(0).json().toString())
                .isEqualTo("{\"verdict\":\"rollback\",\"comment\":\"refunded the wrong order\"}");
        assertThat(result.out()).contains("reviewed ticket-9817 a2: rollback (the compensation runs now)");
    }

    @Test
    void rollbackSaysWhichCompensationRan() {
        server.on("POST", REVIEW, 200, """
                {"taskId":"ticket-9817","actionId":"a2","review":{"state":"ROLLED_BACK","reviewer":"alice"},
                 "compensation":{"compensation":"reverse_refund","result":{"amount":-250}}}
                """);

        Cli.Result result = cli.runWithConfig("review", "ticket-9817", "a2", "rollback");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("reviewed ticket-9817 a2: rolled back (reverse_refund)");
    }

    @Test
    void aRollbackWhoseCompensationFailedExitsWith1AndSaysWhy() {
        server.on("POST", REVIEW, 200, """
                {"taskId":"ticket-9817","actionId":"a2","review":{"state":"ROLLBACK_FAILED"},
                 "compensation":{"compensation":"reverse_refund","error":"the payment provider is down"}}
                """);

        Cli.Result result = cli.runWithConfig("review", "ticket-9817", "a2", "rollback");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("the rollback failed after its retries: the payment provider is down")
                .contains("an operator must retry or resolve it");
    }

    @Test
    void aServerWithoutTheReviewEndpointExitsWith4AndSaysSo() {
        server.onFixture("POST", "/elsewhere", 404, "problems/no-endpoint.json");

        Cli.Result result = cli.runWithConfig("review", "ticket-9817", "a2", "ok");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("this server cannot take reviews yet: it is older than this CLI");
    }

    @Test
    void anUnknownTaskExitsWith4AndPointsToTheTask() {
        server.onFixture("POST", REVIEW, 404, "problems/task-not-found.json");

        Cli.Result result = cli.runWithConfig("review", "ticket-9817", "a2", "flag");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("countersign tasks show ticket-9817");
    }

    @Test
    void anUnknownVerdictIsAUsageError() {
        Cli.Result result = cli.runWithConfig("review", "ticket-9817", "a2", "maybe");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("OK, FLAG, ROLLBACK");
        assertThat(server.requests()).isEmpty();
    }
}
