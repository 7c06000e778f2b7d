package dev.countersign.client;

/** The task has ended. */
public class TaskNotActive extends CountersignException {

    public TaskNotActive(String message) {
        super(message);
    }
}
