package dev.countersign.cli.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.output.Text;

/** Says in a few words what a review answer's state means for the action. */
final class ReviewOutcome {

    private ReviewOutcome() {}

    /** The sentence for the answer's review state, or null when the server did not say one. */
    static String describe(JsonNode answer) {
        JsonNode compensation = answer.path("compensation");
        return switch (state(answer)) {
            case "ROLLED_BACK" ->
                "rolled back (" + Text.oneLine(compensation.path("compensation").asText("")) + ")";
            case "ROLLBACK_FAILED" ->
                "the rollback failed after its retries: "
                        + Text.oneLine(compensation.path("error").asText(""))
                        + "; an operator must retry or resolve it";
            case "OK" -> "ok";
            case "FLAGGED" -> "flagged";
            default -> null;
        };
    }

    static String state(JsonNode answer) {
        return answer.path("review").path("state").asText("");
    }

    /** 1 when the undo did not happen, which scripts must see, else 0. */
    static int exitCode(JsonNode answer) {
        return state(answer).equals("ROLLBACK_FAILED") ? ExitCode.ERROR : ExitCode.OK;
    }
}
