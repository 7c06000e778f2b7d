package dev.countersign.service.console.approval;

import dev.countersign.approval.DecisionResult;
import dev.countersign.client.DecisionRefused;
import java.util.Map;

/** What became of a decision sent from the console: recorded, refused by the workflow, or not sent because the form was invalid. */
public sealed interface DecisionOutcome {

    /** The workflow recorded it and answered. */
    record Recorded(DecisionResult result) implements DecisionOutcome {}

    /** The workflow refused it; nothing changed. */
    record Refused(DecisionRefused refusal) implements DecisionOutcome {}

    /** The form was not valid; nothing was sent. {@code argErrors} names bad edit fields. */
    record Invalid(String message, Map<String, String> argErrors) implements DecisionOutcome {

        public Invalid {
            argErrors = argErrors == null ? Map.of() : Map.copyOf(argErrors);
        }
    }
}
