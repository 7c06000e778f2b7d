package dev.countersign.cli.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.Usage;
import dev.countersign.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** For operators: a call of unknown outcome (its worker stopped mid-call) is said to be done or not done. */
@Command(
        name = "outcome",
        mixinStandardHelpOptions = true,
        description = {
            "Settle a tool call whose outcome is unknown (the action shows OUTCOME_UNKNOWN, the task"
                    + " NEEDS_ATTENTION): a tool that is not idempotent may have run before its worker stopped,"
                    + " so it is never run again. Operators only; check the other side first.",
            "done counts the call as executed (with no tool output); not-done counts it as failed. The agent"
                    + " is told either way and goes on."
        })
public final class OutcomeCommand {

    @Spec
    private CommandSpec spec;

    @Command(name = "done", mixinStandardHelpOptions = true, description = "The call took effect.")
    int done(@Mixin Settlement settlement) {
        return settle(settlement, "done", "it counts as executed");
    }

    @Command(name = "not-done", mixinStandardHelpOptions = true, description = "The call did not take effect.")
    int notDone(@Mixin Settlement settlement) {
        return settle(settlement, "not-done", "it counts as failed");
    }

    private int settle(Settlement settlement, String answer, String meaning) {
        OneAction action = settlement.action;
        Usage.requireText(spec.subcommands().get(answer).getCommandSpec(), "--comment", settlement.comment);
        ObjectNode body = Json.MAPPER.createObjectNode().put("comment", settlement.comment);
        JsonNode sent = action.postWithHints(
                body,
                "this server cannot settle unknown outcomes: it is older than this CLI",
                "only an action whose outcome is unknown can be settled; run `countersign tasks show " + action.taskId()
                        + "` to see its state",
                "outcome",
                answer);
        String said = answer.equals("done")
                ? "confirmed " + action.named() + " done"
                : "recorded " + action.named() + " not done";
        action.api().printOutcome(sent, said + ": " + meaning + "; the agent is told");
        return ExitCode.OK;
    }
}
