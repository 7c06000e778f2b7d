package dev.countersign.cli.review;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The action and the operator's comment of an answer to a call of unknown outcome. */
final class Settlement {

    @Mixin
    OneAction action;

    @Option(
            names = {"-c", "--comment"},
            required = true,
            paramLabel = "TEXT",
            description = "how you know whether it took effect (kept with your name)")
    String comment;
}
