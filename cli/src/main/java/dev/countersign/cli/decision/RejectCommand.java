package dev.countersign.cli.decision;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Rejects a pending tool call; the reason goes back to the agent. */
@Command(
        name = "reject",
        mixinStandardHelpOptions = true,
        description = "Reject a pending tool call. The agent reads the reason.")
public final class RejectCommand implements Callable<Integer> {

    @Mixin
    private OneApproval approval;

    @Option(
            names = {"-r", "--reason"},
            required = true,
            paramLabel = "TEXT",
            description = "why the call must not run")
    private String reason;

    @Override
    public Integer call() {
        return approval.decideSaying(Decision.REJECT, "--reason", reason);
    }
}
