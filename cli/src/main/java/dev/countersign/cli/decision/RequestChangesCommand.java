package dev.countersign.cli.decision;

import dev.countersign.cli.Usage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Sends a proposed tool call back to the agent with what to change. */
@Command(
        name = "request-changes",
        mixinStandardHelpOptions = true,
        description = "Send a pending tool call back to the agent with what it should change.")
public final class RequestChangesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DecisionOptions decision;

    @Parameters(index = "0", paramLabel = "APPROVAL_ID", description = "the approval id")
    private String approvalId;

    @Option(
            names = {"-c", "--comment"},
            required = true,
            paramLabel = "TEXT",
            description = "what the agent should change")
    private String comment;

    @Mixin
    private PinnedDigest pinned;

    @Override
    public Integer call() {
        Usage.requireText(spec, "--comment", comment);
        return decision.sender()
                .decide(approvalId, DecisionIntent.of(Decision.REQUEST_CHANGES, comment, pinned.digest()));
    }
}
