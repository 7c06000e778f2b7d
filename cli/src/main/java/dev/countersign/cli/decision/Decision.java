package dev.countersign.cli.decision;

import java.util.Locale;

/** The decisions the API knows, with the words the CLI prints for them. */
enum Decision {
    APPROVE("approve"),
    REJECT("reject"),
    EDIT("edit"),
    REQUEST_CHANGES("request changes to");

    private final String verb;

    Decision(String verb) {
        this.verb = verb;
    }

    /** The name the API takes: the constant's name in lower case, such as {@code request_changes}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String verb() {
        return verb;
    }
}
