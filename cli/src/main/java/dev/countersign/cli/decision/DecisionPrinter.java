package dev.countersign.cli.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Text;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Prints what a decision did: in a table, one line that repeats the tool and the arguments decided
 * on, so the reviewer sees exactly what they approved, and the approval's state afterwards; in JSON,
 * the server's answer.
 */
record DecisionPrinter(PrintWriter out, boolean json, OptionalInt width) {

    private static final int MIN_ARGS_WIDTH = 24;

    void decided(String approvalId, Decision decision, JsonNode pending, ObjectNode editedArgs, JsonNode outcome) {
        if (json) {
            out.println(Json.pretty(outcome));
            out.flush();
            return;
        }
        String tool = Text.oneLine(Json.text(pending, "tool"));
        String prefix = Text.oneLine(approvalId) + ": " + decision.verb() + " " + tool + " ";
        JsonNode args = editedArgs != null ? editedArgs : pending.path("args");
        String shownArgs = Text.oneLine(Json.compact(args));
        if (width.isPresent()) {
            shownArgs = Text.cut(shownArgs, Math.max(width.getAsInt() - prefix.length(), MIN_ARGS_WIDTH));
        }
        out.println(prefix + shownArgs);
        if (editedArgs != null) {
            changes(pending.path("args"), editedArgs);
        }
        out.println("  now " + state(outcome));
        out.flush();
    }

    private void changes(JsonNode before, ObjectNode after) {
        TreeSet<String> keys = new TreeSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode was = before.get(key);
            JsonNode is = after.get(key);
            if (was == null || is == null || !was.equals(is)) {
                out.println("  " + Text.oneLine(key) + ": " + shown(was) + " -> " + shown(is));
            }
        }
    }

    private static String shown(JsonNode value) {
        return value == null ? "(none)" : Text.oneLine(Json.compact(value));
    }

    private static String state(JsonNode outcome) {
        String state = Json.text(outcome, "state");
        String count = Json.text(outcome, "approvals") + "/" + Json.text(outcome, "required") + " approvals";
        return switch (state) {
            case "APPROVED" -> "APPROVED (" + count + "): the tool runs with these arguments";
            case "PENDING" -> "PENDING (" + count + "): waiting for more approvals";
            case "REJECTED" -> "REJECTED: the agent is told why";
            case "CHANGES_REQUESTED" -> "CHANGES_REQUESTED: the agent reads your comment and proposes again";
            default -> state;
        };
    }
}
