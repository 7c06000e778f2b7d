package dev.countersign.cli.decision;

/** The decisions the API knows, with the words the CLI prints for them. */
enum Decision {
    APPROVE("approve", "approve"),
    REJECT("reject", "reject"),
    EDIT("edit", "edit"),
    REQUEST_CHANGES("request_changes", "request changes to");

    private final String wireName;
    private final String verb;

    Decision(String wireName, String verb) {
        this.wireName = wireName;
        this.verb = verb;
    }

    String wireName() {
        return wireName;
    }

    String verb() {
        return verb;
    }
}
