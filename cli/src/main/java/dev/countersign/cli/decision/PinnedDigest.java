package dev.countersign.cli.decision;

import picocli.CommandLine.Option;

/** {@code --args-digest}: decide only if the arguments are still those the reviewer read. */
public final class PinnedDigest {

    @Option(
            names = "--args-digest",
            paramLabel = "DIGEST",
            description = "the argsDigest you read (e.g. from `countersign inbox -o json`); the decision"
                    + " is refused if the arguments changed since. Default: the digest read just before deciding")
    private String digest;

    String digest() {
        return digest;
    }
}
