package dev.countersign.task;

/**
 * A message from an authenticated person to a task: guidance, an answer to the agent's question, or
 * the reason for a cancellation. {@code by} is set by the API from the principal.
 */
public record TaskMessage(String by, String text) {

    public TaskMessage {
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("a message needs an authenticated sender");
        }
        text = text == null ? "" : text;
    }
}
