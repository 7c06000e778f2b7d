package dev.countersign.agent;

import java.util.List;

/** A question the agent asks a person, optionally with options to pick from. */
public record Question(String text, List<String> options) {

    public Question {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a question needs text");
        }
        options = options == null ? List.of() : List.copyOf(options);
    }
}
