package dev.countersign.client;

/** No task with this id exists. */
public class TaskNotFound extends CountersignException {

    public TaskNotFound(String message) {
        super(message);
    }
}
