package dev.countersign.service.console.approval;

import dev.countersign.approval.PendingApproval;

/**
 * The risk label the inbox filters on, the same one the workflow puts in the task's search
 * attributes: {@code high} when the call needs more than one approval, {@code medium} otherwise.
 */
public final class Risk {

    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";

    private Risk() {}

    public static String of(PendingApproval approval) {
        return approval.required() > 1 ? HIGH : MEDIUM;
    }
}
