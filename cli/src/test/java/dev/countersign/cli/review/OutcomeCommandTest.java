package dev.countersign.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeCommandTest {

    static final String ACTION = "/api/tasks/ticket-9817/actions/a2/outcome/";
    static final String ANSWER = "{\"taskId\":\"ticket-9817\",\"actionId\":\"a2\",\"review\":{\"state\":\"NONE\"}}";

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
    void doneSendsTheCommentAndSaysTheCallCountsAsExecuted() {
        server.on("POST", ACTION + "done", 200, ANSWER);

        Cli.Result result =
                cli.runWithConfig("outcome", "done", "ticket-9817", "a2", "--comment", "the bank shows the wire");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.requests().get(0).json().toString()).isEqualTo("{\"comment\":\"the bank shows the wire\"}");
        assertThat(result.out()).contains("confirmed ticket-9817 a2 done: it counts as executed; the agent is told");
    }

    @Test
    void notDoneSaysTheCallCountsAsFailed() {
        server.on("POST", ACTION + "not-done", 200, ANSWER);

        Cli.Result result = cli.runWithConfig("outcome", "not-done", "ticket-9817", "a2", "-c", "nothing at the bank");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("recorded ticket-9817 a2 not done: it counts as failed");
    }

    @Test
    void aCommentIsRequired() {
        assertThat(cli.runWithConfig("outcome", "done", "ticket-9817", "a2").exitCode())
                .isEqualTo(2);
        assertThat(cli.runWithConfig("outcome", "not-done", "ticket-9817", "a2", "-c", " ")
                        .exitCode())
                .isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anActionWhoseOutcomeIsKnownIsAConflictWithAHint() {
        server.on("POST", ACTION + "done", 409, """
                {"type":"https://countersign.dev/problems/not-applicable","title":"Not applicable","status":409,
                 "detail":"action a2 has no unknown outcome to settle: it is EXECUTED","code":"NotApplicable",
                 "instance":"/x"}
                """);

        Cli.Result result = cli.runWithConfig("outcome", "done", "ticket-9817", "a2", "-c", "seen");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("it is EXECUTED").contains("countersign tasks show ticket-9817");
    }

    @Test
    void onlyOperatorsMaySettleAnOutcome() {
        server.on("POST", ACTION + "done", 403, """
                {"type":"https://countersign.dev/problems/not-allowed-to-review","title":"Forbidden","status":403,
                 "detail":"alice is not an operator","code":"NotAllowedToReview","instance":"/x"}
                """);

        assertThat(cli.runWithConfig("outcome", "done", "ticket-9817", "a2", "-c", "seen")
                        .exitCode())
                .isEqualTo(3);
    }

    @Test
    void anOlderServerWithoutTheEndpointSaysSo() {
        Cli.Result result = cli.runWithConfig("outcome", "done", "ticket-9817", "a2", "-c", "seen");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("older than this CLI");
    }

    @Test
    void jsonOutputPrintsTheAnswer() {
        server.on("POST", ACTION + "done", 200, ANSWER);

        Cli.Result result = cli.runWithConfig("outcome", "done", "ticket-9817", "a2", "-c", "seen", "-o", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"actionId\" : \"a2\"").doesNotContain("confirmed");
    }
}
