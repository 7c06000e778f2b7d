package dev.countersign.cli.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.api.ApiException;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.api.PathSegments;
import dev.countersign.cli.output.Text;
import dev.countersign.cli.tasks.OneTask;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The TASK_ID, ACTION_ID and API options of a command about one executed action, and the posting. */
final class OneAction {

    @Mixin
    private OneTask task;

    @Parameters(index = "1", paramLabel = "ACTION_ID", description = "the action id, e.g. a2")
    private String actionId;

    String taskId() {
        return task.id();
    }

    ApiOptions api() {
        return task.api();
    }

    /** The task and action ids as a person reads them in a line: {@code task-1 a2}. */
    String named() {
        return Text.oneLine(task.id()) + " " + Text.oneLine(actionId);
    }

    /**
     * Posts as {@link #post}, with a hint when the server has no such endpoint
     * (it is older than this CLI) and when it answers 409 (the action is not in the state the command
     * is for).
     */
    JsonNode postWithHints(ObjectNode body, String olderServerHint, String conflictHint, String... more) {
        try {
            return post(body, more);
        } catch (ApiException failure) {
            if (failure.noSuchEndpoint()) {
                throw failure.withHint(olderServerHint);
            }
            if (failure.status() == 409) {
                throw failure.withHint(conflictHint);
            }
            throw failure;
        }
    }

    /** Posts to the action's path followed by {@code more}; sent once, so a lost answer is not acted on twice. */
    JsonNode post(ObjectNode body, String... more) {
        String path = task.path("actions", actionId) + PathSegments.path(more);
        return task.api().connect().post(path, body).body();
    }
}
