package dev.countersign.approval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** What a reviewer decides on a pending approval. */
public enum DecisionKind {
    @JsonProperty("approve")
    APPROVE("approve"),
    @JsonProperty("reject")
    REJECT("reject"),
    @JsonProperty("edit")
    EDIT("edit"),
    @JsonProperty("request_changes")
    REQUEST_CHANGES("request_changes");

    private final String wireName;

    DecisionKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DecisionKind> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(name))
                .findFirst();
    }
}
