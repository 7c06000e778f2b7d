package dev.countersign.cli.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectAndRequestChangesTest {

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
    void rejectWithoutReasonIsAUsageErrorAndSendsNothing() {
        Cli.Result result = cli.runWithConfig("reject", "ticket-9817.a2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--reason=TEXT'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void rejectWithABlankReasonIsAUsageError() {
        Cli.Result result = cli.runWithConfig("reject", "ticket-9817.a2", "--reason", "  ");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void rejectSendsTheReasonAsComment() {
        server.onFixture("POST", DECISION, 200, "api/decision-rejected.json");

        Cli.Result result = cli.runWithConfig("reject", "ticket-9817.a2", "--reason", "already refunded by the bank");

        assertThat(result.exitCode()).isZero();
        JsonNode body = server.requests("POST", DECISION).get(0).json();
        assertThat(body.get("decision").asText()).isEqualTo("reject");
        assertThat(body.get("comment").asText()).isEqualTo("already refunded by the bank");
        assertThat(body.get("argsDigest").asText()).isEqualTo("sha256:9f2c");
        assertThat(result.out()).contains("now REJECTED");
    }

    @Test
    void requestChangesSendsTheComment() {
        server.onFixture("POST", DECISION, 200, "api/decision-changes-requested.json");

        Cli.Result result =
                cli.runWithConfig("request-changes", "ticket-9817.a2", "--comment", "refund to store credit instead");

        assertThat(result.exitCode()).isZero();
        JsonNode body = server.requests("POST", DECISION).get(0).json();
        assertThat(body.get("decision").asText()).isEqualTo("request_changes");
        assertThat(body.get("comment").asText()).isEqualTo("refund to store credit instead");
        assertThat(server.requests("POST", DECISION).get(0).header("Idempotency-Key"))
                .isNotBlank();
        assertThat(result.out()).contains("now CHANGES_REQUESTED");
    }

    @Test
    void requestChangesWithoutCommentIsAUsageError() {
        assertThat(cli.runWithConfig("request-changes", "ticket-9817.a2").exitCode())
                .isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }
}
