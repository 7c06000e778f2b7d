package dev.countersign.cli.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import dev.countersign.cli.testing.FakeServer.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartTaskTest {

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        cli = new Cli(home).loggedIn(server.url(), "dave", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void startSendsAgentGoalInputAndTaskId() {
        server.onFixture("POST", "/api/tasks", 201, "api/task-started.json");

        Cli.Result result = cli.runWithConfig(
                "tasks", "start",
                "--agent", "support",
                "--goal", "Customer says order 42 was charged twice; refund the duplicate.",
                "--input-json", "{\"orderId\": 42, \"customer\": \"c-1001\"}",
                "--task-id", "ticket-9817");

        assertThat(result.exitCode()).isZero();
        JsonNode body = server.requests("POST", "/api/tasks").get(0).json();
        assertThat(body.get("agent").asText()).isEqualTo("support");
        assertThat(body.get("goal").asText()).startsWith("Customer says order 42");
        assertThat(body.get("input").toString()).isEqualTo("{\"orderId\":42,\"customer\":\"c-1001\"}");
        assertThat(body.get("taskId").asText()).isEqualTo("ticket-9817");
        assertThat(result.out())
                .contains("started task ticket-9817 (RUNNING)")
                .contains("countersign tasks show ticket-9817");
    }

    @Test
    void withoutTaskIdTheCliPicksOneSoThatARetryStartsNothingNew() {
        server.on("POST", "/api/tasks", Answer.of(503, ""), Answer.fixture(201, "api/task-started.json"));

        Cli.Result result = cli.runWithConfig("tasks", "start", "--agent", "support");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("POST", "/api/tasks"))
                .hasSize(2)
                .extracting(request -> request.json().get("taskId").asText())
                .allMatch(id -> id.matches("task-[0-9a-f-]{36}"))
                .containsOnly(server.requests().get(0).json().get("taskId").asText());
    }

    @Test
    void startingAnExistingTaskAgainSaysNothingNewStarted() {
        server.onFixture("POST", "/api/tasks", 200, "api/task-started.json");

        Cli.Result result = cli.runWithConfig("tasks", "start", "--agent", "support", "--task-id", "ticket-9817");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("exists already").contains("nothing new was started");
    }

    @Test
    void inputThatIsNotAJsonObjectIsAUsageError() {
        Cli.Result notJson = cli.runWithConfig("tasks", "start", "--agent", "support", "--input-json", "{orderId:");
        Cli.Result notObject = cli.runWithConfig("tasks", "start", "--agent", "support", "--input-json", "[42]");

        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.err()).contains("--input-json is not valid JSON");
        assertThat(notObject.exitCode()).isEqualTo(2);
        assertThat(notObject.err()).contains("--input-json must be a JSON object");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aMissingAgentIsAUsageError() {
        Cli.Result result = cli.runWithConfig("tasks", "start", "--goal", "g");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--agent");
    }
}
