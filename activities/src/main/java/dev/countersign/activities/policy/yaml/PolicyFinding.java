package dev.countersign.activities.policy.yaml;

/**
 * One problem or warning found in a policy file: where it is ({@code line}, 0 when the file has no
 * line to point at; {@code where}, such as {@code rule 'refunds' (#2), tier #1}, empty at the top
 * level) and what is wrong. {@link #text()} is the form {@link PolicyException} and the logs use.
 */
public record PolicyFinding(Severity severity, int line, String where, String message) {

    /** Errors stop a policy from loading; warnings load but are probably mistakes. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public PolicyFinding {
        if (severity == null) {
            throw new IllegalArgumentException("a finding needs a severity");
        }
        if (line < 0) {
            throw new IllegalArgumentException("a finding's line is 1 or more, or 0 for none, was " + line);
        }
        where = where == null ? "" : where;
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a finding needs a message");
        }
    }

    /** For example {@code line 12, rule 'refunds' (#2): 'approvals' must be at least 1, was 0}. */
    public String text() {
        if (line == 0) {
            return (where.isEmpty() ? "" : where + ": ") + message;
        }
        return "line " + line + (where.isEmpty() ? "" : ", " + where) + ": " + message;
    }
}
