package dev.countersign.client;

/** A task with this id exists with a different request. */
public class TaskConflict extends CountersignException {

    public TaskConflict(String message) {
        super(message);
    }
}
