package dev.countersign.cli.decision;

import dev.countersign.cli.ErrorReporter;
import dev.countersign.cli.api.ApiOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --server}, {@code --config}, {@code --output} and {@code --args-digest}, mixed into every
 * decision command, and the sender they make.
 */
public final class DecisionOptions {

    @Mixin
    private ApiOptions api;

    @Option(
            names = "--args-digest",
            paramLabel = "DIGEST",
            description = "the argsDigest you read (e.g. from `countersign inbox -o json`); the decision"
                    + " is refused if the arguments changed since. Default: the digest read just before deciding")
    private String pinnedDigest;

    /** The argsDigest the reviewer read, or null to decide on the one read just before deciding. */
    String pinnedDigest() {
        return pinnedDigest;
    }

    /** A sender that prints to the command's streams in the format it was asked for. */
    DecisionSender sender() {
        return new DecisionSender(
                api.connect(),
                new DecisionPrinter(api.out(), api.json(), api.width()),
                new ErrorReporter(api.out(), api.err(), api.json()));
    }
}
