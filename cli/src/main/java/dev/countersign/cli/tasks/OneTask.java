package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.api.PathSegments;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The TASK_ID and the API options of a command about one task, and the task's API path. */
public final class OneTask {

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task id")
    private String taskId;

    @Mixin
    private ApiOptions api;

    public String id() {
        return taskId;
    }

    public ApiOptions api() {
        return api;
    }

    /** {@code /api/tasks/<id>}, followed by {@code more} path segments. */
    public String path(String... more) {
        return PathSegments.path("api", "tasks", taskId) + PathSegments.path(more);
    }

    /** The answer to a GET of {@code path}, such as {@code path("history")}. */
    JsonNode get(String path) {
        return api.connect().get(path).body();
    }
}
