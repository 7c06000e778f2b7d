package dev.countersign.cli.output;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --output table|json}, mixed into every command that prints an answer. */
public final class OutputOptions {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            completionCandidates = OutputOptions.Formats.class,
            description = "table (default) or json (the server's JSON, for scripts)")
    private OutputFormat format = OutputFormat.TABLE;

    /** The values as people type them, for shell completion. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("table", "json").iterator();
        }
    }

    public OutputFormat format() {
        return format;
    }

    public boolean json() {
        return format == OutputFormat.JSON;
    }
}
