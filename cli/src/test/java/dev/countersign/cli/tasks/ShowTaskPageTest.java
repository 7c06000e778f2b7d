package dev.countersign.cli.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tasks show --after --limit} asks the server for one page of a long task's actions, passing
 * both on as given; the text shows the counts of the whole task and how to see the next page.
 */
class ShowTaskPageTest {

    static final String PAGE = """
            {"taskId":"long-1","agent":"support","goal":"refund","input":{},"requester":"dave",
             "status":"RUNNING","startedAt":"2026-03-01T09:00:00Z","updatedAt":"2026-03-01T09:00:04Z",
             "actions":[{"actionId":"a51","tool":"lookup_order","args":{"orderId":51},"state":"EXECUTED",
                         "verdict":"AUTO","rule":"reads","decisions":[]},
                        {"actionId":"a52","tool":"lookup_order","args":{"orderId":52},"state":"EXECUTED",
                         "verdict":"AUTO","rule":"reads","decisions":[]}],
             "steps":120,"counts":{"total":60,"byState":{"PENDING":1,"EXECUTED":59}},"firstRunId":"run-1",
             "page":{"after":"a50","limit":2,"next":"a52"}}
            """;

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
    void showPassesThePageAndPrintsTheCountsAndTheNextPage() {
        server.on("GET", "/api/tasks/long-1?after=a50&limit=2", 200, PAGE);

        Cli.Result result = cli.runWithConfig("tasks", "show", "long-1", "--after", "a50", "--limit", "2");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("60 in all: 59 EXECUTED, 1 PENDING")
                .contains("actions after a50:")
                .contains("a51")
                .contains("a52")
                .contains("more actions follow a52; show them with: countersign tasks show long-1 --after a52");
    }

    @Test
    void inJsonThePageIsTheServersViewAsItIs() throws Exception {
        server.on("GET", "/api/tasks/long-1?after=a50", 200, PAGE);

        Cli.Result result = cli.runWithConfig("tasks", "show", "long-1", "--after", "a50", "-o", "json");

        assertThat(result.exitCode()).isZero();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(result.out())).isEqualTo(json.readTree(PAGE));
    }

    @Test
    void aPageTheServerRefusesIsPrintedAsItsProblemAndExitsWith1() {
        server.on(
                "GET",
                "/api/tasks/long-1?after=b7&limit=500",
                400,
                "{\"type\":\"https://countersign.dev/problems/invalid-request\",\"title\":\"Invalid request\","
                        + "\"status\":400,\"detail\":\"limit must lie between 1 and 200, was 500\","
                        + "\"instance\":\"/api/tasks/long-1\",\"code\":\"InvalidRequest\"}");

        Cli.Result result = cli.runWithConfig("tasks", "show", "long-1", "--after", "b7", "--limit", "500");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: Invalid request: limit must lie between 1 and 200, was 500\n");
    }

    @Test
    void inJsonModeTheRefusalIsTheServersProblem() {
        server.on(
                "GET",
                "/api/tasks/long-1?after=x",
                400,
                "{\"type\":\"https://countersign.dev/problems/invalid-request\",\"title\":\"Invalid request\","
                        + "\"status\":400,\"detail\":\"after must be an action id such as a12 (a page's next), was 'x'\","
                        + "\"instance\":\"/api/tasks/long-1\",\"code\":\"InvalidRequest\"}");

        Cli.Result result = cli.runWithConfig("tasks", "show", "long-1", "--after", "x", "--output", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("\"code\" : \"InvalidRequest\"").contains("\"status\" : 400");
    }
}
