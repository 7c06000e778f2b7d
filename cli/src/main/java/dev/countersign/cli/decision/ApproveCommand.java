package dev.countersign.cli.decision;

import dev.countersign.cli.ExitCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Approves one or more pending tool calls, each as its own decision. */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = {
            "Approve pending tool calls.",
            "Each id is its own decision, sent with the argsDigest read just before and a fresh"
                    + " Idempotency-Key. The exit code is that of the most serious failure"
                    + " (1, then 2, 3, 4, 5)."
        })
public final class ApproveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DecisionOptions decision;

    @Parameters(
            arity = "1..*",
            paramLabel = "APPROVAL_ID",
            description = "approval ids, as `countersign inbox` lists them")
    private List<String> approvalIds;

    @Option(
            names = {"-c", "--comment"},
            paramLabel = "TEXT",
            description = "why you approve (kept with the decision)")
    private String comment;

    @Override
    public Integer call() {
        Set<String> ids = new LinkedHashSet<>(approvalIds);
        if (decision.pinnedDigest() != null && ids.size() > 1) {
            throw new ParameterException(spec.commandLine(), "--args-digest goes with one approval id, not several");
        }
        DecisionSender sender = decision.sender();
        int exitCode = ExitCode.OK;
        for (String id : ids) {
            DecisionIntent approval = DecisionIntent.of(Decision.APPROVE, comment, decision.pinnedDigest());
            int result = ids.size() > 1 ? sender.decideOneOfSeveral(id, approval) : sender.decide(id, approval);
            exitCode = ExitCode.worst(exitCode, result);
        }
        return exitCode;
    }
}
