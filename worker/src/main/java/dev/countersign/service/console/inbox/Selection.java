package dev.countersign.service.console.inbox;

import java.util.Optional;

/** One row chosen for bulk approval: the approval and the digest of the arguments its row showed. */
public record Selection(String approvalId, String argsDigest) {

    private static final char SEPARATOR = ' ';

    public static Selection of(String approvalId, String argsDigest) {
        return new Selection(approvalId, argsDigest == null ? "" : argsDigest);
    }

    /** Reads a checkbox value written by {@link #value()}; empty when it is malformed. */
    public static Optional<Selection> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int space = value.indexOf(SEPARATOR);
        if (space <= 0 || space == value.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Selection(value.substring(0, space), value.substring(space + 1)));
    }

    public String value() {
        return approvalId + SEPARATOR + argsDigest;
    }
}
