package dev.countersign.cli.decision;

import dev.countersign.cli.ErrorReporter;
import dev.countersign.cli.api.ApiOptions;
import picocli.CommandLine.Mixin;

/** {@code --server}, {@code --config} and {@code --output}, mixed into every decision command, and the sender they make. */
public final class DecisionOptions {

    @Mixin
    private ApiOptions api;

    /** A sender that prints to the command's streams in the format it was asked for. */
    DecisionSender sender() {
        return new DecisionSender(
                api.connect(),
                new DecisionPrinter(api.out(), api.json(), api.width()),
                new ErrorReporter(api.out(), api.err(), api.json()));
    }
}
