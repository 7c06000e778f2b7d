package dev.countersign.cli.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminateTaskTest {

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
    void terminationPostsTheReason() {
        server.on(
                "POST",
                "/api/tasks/wedged-1/terminate",
                200,
                "{\"taskId\":\"wedged-1\",\"status\":\"TERMINATED\",\"terminatedBy\":\"olga\",\"reason\":\"3 MB goal\"}");

        Cli.Result result = cli.runWithConfig("tasks", "terminate", "wedged-1", "--reason", "3 MB goal");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("wedged-1 terminated: 3 MB goal");
        assertThat(server.requests().get(0).json().toString()).isEqualTo("{\"reason\":\"3 MB goal\"}");
    }

    @Test
    void aReasonIsRequired() {
        assertThat(cli.runWithConfig("tasks", "terminate", "wedged-1").exitCode())
                .isEqualTo(2);
        assertThat(cli.runWithConfig("tasks", "terminate", "wedged-1", "--reason", " ")
                        .exitCode())
                .isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void nonOperatorsAreRefusedWithTheServersReason() {
        server.on(
                "POST",
                "/api/tasks/wedged-1/terminate",
                403,
                "{\"type\":\"https://countersign.dev/problems/not-an-operator\",\"title\":\"Forbidden\","
                        + "\"status\":403,\"detail\":\"only members of [operators] may terminate a task\","
                        + "\"code\":\"NotAnOperator\"}");

        Cli.Result result = cli.runWithConfig("tasks", "terminate", "wedged-1", "--reason", "stuck");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("only members of [operators] may terminate a task");
    }

    @Test
    void anEndedTaskIsAConflict() {
        server.onFixture("POST", "/api/tasks/wedged-1/terminate", 409, "problems/task-not-active.json");

        assertThat(cli.runWithConfig("tasks", "terminate", "wedged-1", "--reason", "stuck")
                        .exitCode())
                .isEqualTo(5);
    }
}
