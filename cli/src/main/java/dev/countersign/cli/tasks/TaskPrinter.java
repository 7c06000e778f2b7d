package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Table;
import dev.countersign.cli.output.Text;
import dev.countersign.cli.output.Times;
import dev.countersign.cli.output.UnreadableTasks;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** A task view for people: the task's facts, a table of its actions, and the command to run next. */
record TaskPrinter(PrintWriter out, OptionalInt width, ZoneId zone) {

    void print(JsonNode task) {
        String taskId = Json.text(task, "taskId");
        Table facts = Table.withFlexibleColumn("", "TASK", taskId);
        facts.row("status", Json.text(task, "status"));
        facts.row("agent", Json.text(task, "agent"));
        facts.row("requester", Json.text(task, "requester"));
        facts.row("goal", Json.text(task, "goal"));
        facts.row("input", Json.text(task, "input"));
        facts.row("started", Times.local(Json.text(task, "startedAt"), zone));
        facts.row("updated", Times.local(Json.text(task, "updatedAt"), zone));
        if (UnreadableTasks.is(task)) {
            facts.row("cannot be read", Json.text(task, "error"));
        }
        if (hasValue(task, "summary")) {
            facts.row("summary", Json.text(task, "summary"));
        }
        if (task.hasNonNull("counts")) {
            facts.row("actions", counts(task.path("counts")));
        }
        facts.print(out, OptionalInt.empty());
        printActions(task.path("actions"), task.path("page"));
        printLaterActions(task.path("page"), taskId);
        printNextStep(task, taskId);
    }

    /** "60 in all: 59 EXECUTED, 1 PENDING", the states by name. */
    private static String counts(JsonNode counts) {
        List<String> byState = new ArrayList<>();
        counts.path("byState").properties().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(state -> byState.add(state.getValue().asText() + " " + Text.oneLine(state.getKey())));
        String all = counts.path("total").asText("0") + " in all";
        return byState.isEmpty() ? all : all + ": " + String.join(", ", byState);
    }

    private void printActions(JsonNode actions, JsonNode page) {
        out.println();
        if (actions.isEmpty()) {
            out.println(
                    hasValue(page, "after")
                            ? "no actions after " + Text.oneLine(Json.text(page, "after"))
                            : "no actions yet");
            return;
        }
        if (hasValue(page, "after")) {
            out.println("actions after " + Text.oneLine(Json.text(page, "after")) + ":");
        }
        Table table = Table.withFlexibleColumn(
                        "ARGS", "ACTION", "TOOL", "STATE", "VERDICT", "RULE", "DECISIONS", "ARGS")
                .dropWhenNarrow("RULE", "VERDICT");
        for (JsonNode action : actions) {
            table.row(
                    Json.text(action, "actionId"),
                    Json.text(action, "tool"),
                    Json.text(action, "state"),
                    Json.text(action, "verdict"),
                    Json.text(action, "rule"),
                    decisions(action.path("decisions")),
                    Json.text(action, "args"));
        }
        table.print(out, width);
    }

    private static String decisions(JsonNode decisions) {
        List<String> made = new ArrayList<>();
        for (JsonNode decision : decisions) {
            made.add(Json.text(decision, "reviewer") + ":" + Json.text(decision, "decision"));
        }
        return String.join(", ", made);
    }

    private void printLaterActions(JsonNode page, String taskId) {
        if (hasValue(page, "next")) {
            String next = Text.oneLine(Json.text(page, "next"));
            out.println();
            out.println("more actions follow " + next + "; show them with: countersign tasks show "
                    + Text.oneLine(taskId) + " --after " + next);
        }
    }

    private void printNextStep(JsonNode task, String taskId) {
        if (hasValue(task, "pendingApprovalId")) {
            String approvalId = Text.oneLine(Json.text(task, "pendingApprovalId"));
            JsonNode pending = task.path("pendingApproval");
            out.println();
            out.println("waiting for approval " + approvalId + " (" + Json.text(pending, "approvals") + "/"
                    + Json.text(pending, "required") + " approvals, tier " + Text.oneLine(Json.text(pending, "tier"))
                    + ")");
            out.println("decide with: countersign approve " + approvalId + "   (or reject, edit, request-changes)");
        }
        if (hasValue(task, "question")) {
            JsonNode question = task.path("question");
            out.println();
            out.println("the agent asks: " + Text.oneLine(Json.text(question, "text")));
            List<String> options = new ArrayList<>();
            question.path("options").forEach(option -> options.add(Text.oneLine(option.asText())));
            if (!options.isEmpty()) {
                out.println("options: " + String.join(" | ", options));
            }
            out.println("answer with: countersign tasks answer " + Text.oneLine(taskId) + " --text TEXT");
        }
    }

    private static boolean hasValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null
                && !value.isNull()
                && !(value.isTextual() && value.asText().isEmpty());
    }
}
