package dev.countersign.cli.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.api.PathSegments;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Table;
import dev.countersign.cli.output.Times;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** One task's rows of the decision record, for operators and admins, even after its workflow is gone. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show a task's decision record: who proposed, decided, ran and reviewed what.")
public final class ShowRecordCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task id")
    private String taskId;

    @Mixin
    private ApiOptions api;

    @Override
    public Integer call() {
        JsonNode rows = api.connect()
                .get(PathSegments.path("api", "records", "tasks", taskId))
                .body();
        api.print(rows, out -> print(rows, out));
        return ExitCode.OK;
    }

    private void print(JsonNode rows, PrintWriter out) {
        Table table = Table.withFlexibleColumn(
                "COMMENT", "TIME", "ACTION", "EVENT", "TOOL", "OUTCOME", "RULE", "BY", "COMMENT");
        for (JsonNode row : rows) {
            table.row(
                    Times.local(Json.text(row, "at"), api.zone()),
                    Json.text(row, "actionId"),
                    Json.text(row, "eventKey"),
                    Json.text(row, "tool"),
                    Json.text(row, "outcome"),
                    Json.text(row, "rule"),
                    Json.text(row, "by"),
                    Json.text(row, "comment"));
        }
        table.print(out, api.width());
    }
}
