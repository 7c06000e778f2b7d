package dev.countersign.cli.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the server's read scope {@code involved}, a task the caller may not read answers 404 exactly
 * as an unknown one: every command says "not found", exits with 4, and sends nothing more.
 */
class OutOfScopeTaskTest {

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        cli = new Cli(home).loggedIn(server.url(), "bob", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String taskNotFound(String path) {
        return "{\"type\":\"https://countersign.dev/problems/task-not-found\",\"title\":\"Task not found\","
                + "\"status\":404,\"detail\":\"no task 't250'\",\"instance\":\"" + path
                + "\",\"code\":\"TaskNotFound\"}";
    }

    @Test
    void showingItSaysNotFoundAndExitsWith4() {
        server.on("GET", "/api/tasks/t250", 404, taskNotFound("/api/tasks/t250"));

        Cli.Result result = cli.runWithConfig("tasks", "show", "t250");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("error: Task not found: no task 't250'\n")
                .contains("hint: run `countersign tasks list` to see the tasks you may read");
    }

    @Test
    void itsHistoryIsNotFoundEither() {
        server.on("GET", "/api/tasks/t250/history", 404, taskNotFound("/api/tasks/t250/history"));

        Cli.Result result = cli.runWithConfig("tasks", "history", "t250");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("Task not found");
    }

    @Test
    void inJsonModeTheProblemIsTheServersOwn() {
        server.on("GET", "/api/tasks/t250", 404, taskNotFound("/api/tasks/t250"));

        Cli.Result result = cli.runWithConfig("tasks", "show", "t250", "--output", "json");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).contains("\"code\" : \"TaskNotFound\"").contains("\"status\" : 404");
    }

    @Test
    void approvingItsApprovalIsNotFoundAndSendsNoDecision() {
        server.on(
                "GET",
                "/api/approvals/t250.a2",
                404,
                "{\"type\":\"https://countersign.dev/problems/approval-not-found\",\"title\":\"Approval not found\","
                        + "\"status\":404,\"detail\":\"no pending approval 't250.a2'\","
                        + "\"instance\":\"/api/approvals/t250.a2\",\"code\":\"ApprovalNotFound\"}");

        Cli.Result result = cli.runWithConfig("approve", "t250.a2");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("Approval not found: no pending approval 't250.a2'");
        assertThat(server.requests("POST", "/api/approvals/t250.a2/decision")).isEmpty();
    }

    @Test
    void steeringOrCancellingItIsNotFound() {
        server.on("POST", "/api/tasks/t250/guidance", 404, taskNotFound("/api/tasks/t250/guidance"));
        server.on("POST", "/api/tasks/t250/cancel", 404, taskNotFound("/api/tasks/t250/cancel"));

        assertThat(cli.runWithConfig("tasks", "guide", "t250", "--text", "refund everything")
                        .exitCode())
                .isEqualTo(4);
        assertThat(cli.runWithConfig("tasks", "cancel", "t250").exitCode()).isEqualTo(4);
    }
}
