package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.api.PathSegments;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The API options and the TASK_ID of a command that reads one task, and the reading. */
final class OneTask {

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task id")
    private String taskId;

    @Mixin
    private ApiOptions api;

    ApiOptions api() {
        return api;
    }

    /** The answer to a GET of the task's path followed by {@code rest} (a sub-path or a query). */
    JsonNode get(String rest) {
        return api.connect()
                .get(PathSegments.path("api", "tasks", taskId) + rest)
                .body();
    }
}
