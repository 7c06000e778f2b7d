package dev.countersign.cli.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditTest {

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
        server.onFixture("POST", DECISION, 200, "api/decision-edited.json");
        cli = new Cli(home).loggedIn(server.url(), "alice", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void setKeepsANumberANumberAndStartsFromThePendingArguments() {
        Cli.Result result = cli.runWithConfig("edit", "ticket-9817.a2", "--set", "amount=200");

        assertThat(result.exitCode()).isZero();
        JsonNode body = sentDecision();
        assertThat(body.get("decision").asText()).isEqualTo("edit");
        assertThat(body.get("argsDigest").asText()).isEqualTo("sha256:9f2c");
        assertThat(body.get("args").toString()).isEqualTo("{\"orderId\":42,\"amount\":200}");
        assertThat(body.get("args").get("amount").isNumber()).isTrue();
    }

    @Test
    void theOutputShowsWhatChangedAndTheStateAfter() {
        Cli.Result result = cli.runWithConfig("edit", "ticket-9817.a2", "--set", "amount=200");

        assertThat(result.out())
                .contains("ticket-9817.a2: edit issue_refund {\"orderId\":42,\"amount\":200}")
                .contains("  amount: 250.0 -> 200")
                .contains("now PENDING (0/1 approvals)");
    }

    @Test
    void valuesAreTypedAsJsonWouldTypeThem() {
        cli.runWithConfig(
                "edit",
                "ticket-9817.a2",
                "--set",
                "amount=199.50",
                "--set",
                "notify=true",
                "--set",
                "reason=duplicate charge",
                "--set",
                "zip:=\"00123\"",
                "--set",
                "meta.source=cli",
                "--comment",
                "half of it was store credit");

        JsonNode body = sentDecision();
        assertThat(server.requests("POST", DECISION).get(0).body()) // as sent: 199.50 keeps its digits
                .contains("{\"orderId\":42,\"amount\":199.50,\"notify\":true,\"reason\":\"duplicate charge\","
                        + "\"zip\":\"00123\",\"meta\":{\"source\":\"cli\"}}");
        assertThat(body.get("comment").asText()).isEqualTo("half of it was store credit");
    }

    @Test
    void argsFileReplacesTheArgumentsAndSetAppliesOnTop() throws IOException {
        Path file = home.resolve("args.json");
        Files.writeString(file, "{\"orderId\": 42, \"amount\": 120, \"currency\": \"EUR\"}");

        Cli.Result result =
                cli.runWithConfig("edit", "ticket-9817.a2", "--args-file", file.toString(), "--set", "currency=USD");

        assertThat(result.exitCode()).isZero();
        assertThat(sentDecision().get("args").toString())
                .isEqualTo("{\"orderId\":42,\"amount\":120,\"currency\":\"USD\"}");
    }

    @Test
    void anArgsFileThatIsNotAJsonObjectIsAUsageError() throws IOException {
        Path file = home.resolve("args.json");
        Files.writeString(file, "[1, 2]");

        Cli.Result result = cli.runWithConfig("edit", "ticket-9817.a2", "--args-file", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("must hold a JSON object");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void nothingToEditIsAUsageError() {
        Cli.Result result = cli.runWithConfig("edit", "ticket-9817.a2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nothing to edit");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aKeyThatIsNotAmongTheArgumentsIsSentWithAWarning() {
        Cli.Result result = cli.runWithConfig("edit", "ticket-9817.a2", "--set", "amout=200");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("warning: amout is not among the current arguments [orderId, amount]");
    }

    @Test
    void argumentsRefusedByTheToolSchemaExitWith1AndTheServersDetail() {
        try (FakeServer refusing = FakeServer.start()) {
            refusing.onFixture("GET", APPROVAL, 200, "api/approval.json");
            refusing.onFixture("POST", DECISION, 400, "problems/invalid-decision.json");

            Cli.Result result =
                    cli.runWithConfig("edit", "ticket-9817.a2", "--set", "amount=lots", "--server", refusing.url());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .contains("error: Invalid decision: edited arguments fail the schema of issue_refund:"
                            + " amount must be a number");
        }
    }

    private JsonNode sentDecision() {
        return server.requests("POST", DECISION).get(0).json();
    }
}
