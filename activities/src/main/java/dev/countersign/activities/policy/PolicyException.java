package dev.countersign.activities.policy;

import java.util.List;

/**
 * A policy that cannot be loaded. The message names the source and lists every problem found, each
 * with its line and rule, so one run of the loader shows all that needs fixing.
 */
public class PolicyException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public PolicyException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public PolicyException(String source, String problem, Throwable cause) {
        super(message(source, List.of(problem)), cause);
        this.source = source;
        this.problems = List.of(problem);
    }

    public String source() {
        return source;
    }

    /** Each problem on its own, for example {@code line 12, rule 'refunds' (#2): 'approvals' must be at least 1, was 0}. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        if (problems.size() == 1) {
            return "invalid policy " + source + ": " + problems.get(0);
        }
        return "invalid policy " + source + " (" + problems.size() + " problems):\n  " + String.join("\n  ", problems);
    }
}
