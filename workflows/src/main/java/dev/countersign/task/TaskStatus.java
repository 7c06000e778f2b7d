package dev.countersign.task;

/** Where an agent task stands. */
public enum TaskStatus {
    RUNNING,
    AWAITING_APPROVAL,
    AWAITING_INPUT,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean closed() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
