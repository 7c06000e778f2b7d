package dev.countersign.cli.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.api.ApiResponse;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Text;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Starts an agent task; starting the same task id again starts nothing new. */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = {
            "Start an agent task.",
            "Without --task-id the CLI picks task-<uuid>, so a retried start never starts a second task."
        })
public final class StartTaskCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ApiOptions api;

    @Option(names = "--agent", required = true, paramLabel = "AGENT", description = "the agent profile, e.g. support")
    private String agent;

    @Option(names = "--goal", paramLabel = "TEXT", description = "what the agent should achieve")
    private String goal;

    @Option(
            names = "--input-json",
            paramLabel = "JSON",
            description = "the task's input, a JSON object, e.g. '{\"orderId\":42}'")
    private String inputJson;

    @Option(
            names = "--task-id",
            paramLabel = "ID",
            description = "your id for the task: letters, digits, '.', '_' or '-' (up to 128)")
    private String taskId;

    @Override
    public Integer call() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("agent", agent);
        Json.putIfGiven(body, "goal", goal);
        if (inputJson != null) {
            body.set("input", input());
        }
        String id = taskId != null ? taskId : "task-" + UUID.randomUUID();
        body.put("taskId", id);
        // the task id makes the start idempotent on the server, so a retry cannot start two tasks
        ApiResponse response = api.connect().postIdempotent("/api/tasks", body, Map.of());
        print(response);
        return ExitCode.OK;
    }

    private JsonNode input() {
        try {
            JsonNode input = Json.MAPPER.readTree(inputJson);
            if (input == null || !input.isObject()) {
                throw new ParameterException(
                        spec.commandLine(), "--input-json must be a JSON object, e.g. '{\"orderId\":42}'");
            }
            return input;
        } catch (JsonProcessingException e) {
            throw new ParameterException(
                    spec.commandLine(), "--input-json is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void print(ApiResponse response) {
        api.print(response.body(), out -> {
            String id = Text.oneLine(Json.text(response.body(), "taskId"));
            String status = Text.oneLine(Json.text(response.body(), "status"));
            out.println(
                    response.status() == 201
                            ? "started task " + id + " (" + status + ")"
                            : "task " + id + " exists already with this agent, goal and input (" + status
                                    + "); nothing new was started");
            out.println("follow it with: countersign tasks show " + id);
        });
    }
}
