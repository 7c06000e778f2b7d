package dev.countersign.cli.output;

/** How a command prints its answer: a table for people, the server's JSON for scripts. */
public enum OutputFormat {
    TABLE,
    JSON
}
