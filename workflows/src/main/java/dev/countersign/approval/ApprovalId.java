package dev.countersign.approval;

import java.util.Optional;

/**
 * An approval's id, {@code <taskId>.<actionId>} (such as {@code refund-42.a2}): it names its task, so
 * a decision is routed without a lookup. A task id may itself contain dots, an action id never does,
 * so the id splits at its last dot. On the wire (payloads, the API) it stays this plain string.
 */
public record ApprovalId(String taskId, String actionId) {

    public ApprovalId {
        if (taskId == null || taskId.isEmpty() || actionId == null || actionId.isEmpty() || actionId.contains(".")) {
            throw new IllegalArgumentException(
                    "an approval id is a task id and an action id without dots, was '" + taskId + "." + actionId + "'");
        }
    }

    /** The approval id this text names; empty when it has no task id, dot and action id. */
    public static Optional<ApprovalId> parse(String approvalId) {
        int dot = approvalId == null ? -1 : approvalId.lastIndexOf('.');
        if (dot <= 0 || dot == approvalId.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new ApprovalId(approvalId.substring(0, dot), approvalId.substring(dot + 1)));
    }

    /** {@code <taskId>.<actionId>}, the form payloads and the API carry. */
    @Override
    public String toString() {
        return taskId + "." + actionId;
    }
}
