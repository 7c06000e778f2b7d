package dev.countersign.cli.decision;

import dev.countersign.cli.Usage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The decision options and the APPROVAL_ID of a command that decides one approval, and the deciding. */
final class OneApproval {

    @Mixin
    private DecisionOptions decision;

    @Parameters(index = "0", paramLabel = "APPROVAL_ID", description = "the approval id")
    private String approvalId;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    String pinnedDigest() {
        return decision.pinnedDigest();
    }

    /** Decides the approval and prints the outcome; a failure is thrown. */
    int decide(DecisionIntent intent) {
        return decision.sender().decide(approvalId, intent);
    }

    /** Decides with a reason the agent reads; a blank {@code option} is refused before any request. */
    int decideSaying(Decision kind, String option, String text) {
        Usage.requireText(command, option, text);
        return decide(DecisionIntent.of(kind, text, pinnedDigest()));
    }
}
