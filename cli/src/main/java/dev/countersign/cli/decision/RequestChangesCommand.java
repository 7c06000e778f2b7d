package dev.countersign.cli.decision;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Sends a proposed tool call back to the agent with what to change. */
@Command(
        name = "request-changes",
        mixinStandardHelpOptions = true,
        description = "Send a pending tool call back to the agent with what it should change.")
public final class RequestChangesCommand implements Callable<Integer> {

    @Mixin
    private OneApproval approval;

    @Option(
            names = {"-c", "--comment"},
            required = true,
            paramLabel = "TEXT",
            description = "what the agent should change")
    private String comment;

    @Override
    public Integer call() {
        return approval.decideSaying(Decision.REQUEST_CHANGES, "--comment", comment);
    }
}
