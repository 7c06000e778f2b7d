package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One task: its status, its actions with their verdicts and decisions, and what it waits for. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show a task: status, the counts and one page of its actions, decisions, and what it waits for.")
public final class ShowTaskCommand implements Callable<Integer> {

    @Mixin
    private OneTask task;

    @Option(
            names = "--after",
            paramLabel = "ACTION_ID",
            description = "show the actions after this one (the id a page names as next), such as a50")
    private String after;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "show at most N actions; the server's default is 50, its most 200")
    private Integer limit;

    @Override
    public Integer call() {
        ApiOptions api = task.api();
        JsonNode shown = task.get(task.path() + page());
        api.print(shown, out -> new TaskPrinter(out, api.width(), api.zone()).print(shown));
        return ExitCode.OK;
    }

    /** The page as query parameters, passed on as given: the server says what it refuses, and why. */
    private String page() {
        List<String> parameters = new ArrayList<>();
        if (after != null) {
            parameters.add("after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        if (limit != null) {
            parameters.add("limit=" + limit);
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }
}
