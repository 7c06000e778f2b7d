package dev.countersign.cli.tasks;

import picocli.CommandLine.Command;

/** The {@code tasks} group: start, list, read, follow and steer agent tasks. */
@Command(
        name = "tasks",
        mixinStandardHelpOptions = true,
        description = "Start, follow and steer agent tasks.",
        subcommands = {
            StartTaskCommand.class,
            ListTasksCommand.class,
            ShowTaskCommand.class,
            TaskHistoryCommand.class,
            GuideTaskCommand.class,
            AnswerTaskCommand.class,
            CancelTaskCommand.class,
            TerminateTaskCommand.class
        })
public final class TasksCommand {}
