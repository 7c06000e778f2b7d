package dev.countersign.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of the command line that picocli's annotations cannot express; a failure exits with 2. */
public final class Usage {

    private Usage() {}

    /** Refuses an empty or blank free-text option before any request: the server would refuse it too. */
    public static void requireText(CommandSpec spec, String option, String value) {
        if (value == null || value.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + " must not be empty");
        }
    }

    /** Refuses a number outside {@code min..max}; {@code unit} follows the range in the message. */
    public static void requireBetween(CommandSpec spec, String option, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new ParameterException(
                    spec.commandLine(), option + " must lie between " + min + " and " + max + unit + ", was " + value);
        }
    }
}
