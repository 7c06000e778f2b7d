package dev.countersign.cli.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import dev.countersign.cli.testing.FakeServer.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SteerTaskTest {

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
    void guidanceIsPostedAsText() {
        server.on("POST", "/api/tasks/ticket-9817/guidance", 202, "");

        Cli.Result result = cli.runWithConfig(
                "tasks", "guide", "ticket-9817", "--text", "Check whether the bank reversed the second charge.");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("guidance sent to ticket-9817");
        assertThat(server.requests().get(0).json().toString())
                .isEqualTo("{\"text\":\"Check whether the bank reversed the second charge.\"}");
    }

    @Test
    void guidanceIsNotRepeatedWhenTheServerIsUnavailable() {
        server.on("POST", "/api/tasks/ticket-9817/guidance", Answer.of(503, ""), Answer.of(202, ""));

        Cli.Result result = cli.runWithConfig("tasks", "guide", "ticket-9817", "--text", "hi");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anAnswerIsPostedAsText() {
        server.on("POST", "/api/tasks/ticket-9900/answer", 202, "");

        Cli.Result result =
                cli.runWithConfig("tasks", "answer", "ticket-9900", "--text", "Refund to the original card.");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("answer sent to ticket-9900");
        assertThat(server.requests().get(0).json().get("text").asText()).isEqualTo("Refund to the original card.");
    }

    @Test
    void emptyTextIsAUsageError() {
        assertThat(cli.runWithConfig("tasks", "answer", "ticket-9900", "--text", "")
                        .exitCode())
                .isEqualTo(2);
        assertThat(cli.runWithConfig("tasks", "guide", "ticket-9900").exitCode())
                .isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void cancelSendsTheReasonWhenGiven() {
        server.on("POST", "/api/tasks/ticket-9817/cancel", 202, "");

        Cli.Result withReason =
                cli.runWithConfig("tasks", "cancel", "ticket-9817", "--reason", "The customer withdrew the request.");
        Cli.Result withoutReason = cli.runWithConfig("tasks", "cancel", "ticket-9817");

        assertThat(withReason.exitCode()).isZero();
        assertThat(withReason.out()).contains("cancellation of ticket-9817 requested");
        assertThat(withoutReason.exitCode()).isZero();
        assertThat(server.requests())
                .extracting(request -> request.json().toString())
                .containsExactly("{\"reason\":\"The customer withdrew the request.\"}", "{}");
    }

    @Test
    void cancellingSomeoneElsesTaskIsNotAllowed() {
        server.on(
                "POST",
                "/api/tasks/ticket-9817/cancel",
                403,
                "{\"type\":\"https://countersign.dev/problems/not-requester-or-operator\","
                        + "\"title\":\"Not requester or operator\",\"status\":403,"
                        + "\"detail\":\"only the task's requester or a member of [operators] may cancel it\","
                        + "\"instance\":\"/api/tasks/ticket-9817/cancel\",\"code\":\"NotRequesterOrOperator\"}");

        Cli.Result result = cli.runWithConfig("tasks", "cancel", "ticket-9817");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("only the task's requester or an operator may cancel it");
    }
}
