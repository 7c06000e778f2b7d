package dev.countersign.cli.decision;

import dev.countersign.cli.Usage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Rejects a pending tool call; the reason goes back to the agent. */
@Command(
        name = "reject",
        mixinStandardHelpOptions = true,
        description = "Reject a pending tool call. The agent reads the reason.")
public final class RejectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DecisionOptions decision;

    @Parameters(index = "0", paramLabel = "APPROVAL_ID", description = "the approval id")
    private String approvalId;

    @Option(
            names = {"-r", "--reason"},
            required = true,
            paramLabel = "TEXT",
            description = "why the call must not run")
    private String reason;

    @Mixin
    private PinnedDigest pinned;

    @Override
    public Integer call() {
        Usage.requireText(spec, "--reason", reason);
        return decision.sender().decide(approvalId, DecisionIntent.of(Decision.REJECT, reason, pinned.digest()));
    }
}
