package dev.countersign.cli.records;

import picocli.CommandLine.Command;

/** The {@code records} group: the durable decision record, which outlives Temporal's retention. */
@Command(
        name = "records",
        mixinStandardHelpOptions = true,
        description = "Read the durable decision record and rebuild it from the tasks Temporal keeps.",
        subcommands = {ShowRecordCommand.class, RebuildRecordsCommand.class})
public final class RecordsCommand {}
