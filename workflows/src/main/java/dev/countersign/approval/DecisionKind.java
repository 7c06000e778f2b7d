package dev.countersign.approval;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a reviewer decides on a pending approval. A rejection and a request for changes must say
 * why ({@link #lacksComment}); that rule is the workflow's, and the API and the console ask it here.
 */
public enum DecisionKind {
    APPROVE("approve", false),
    REJECT("reject", true),
    EDIT("edit", false),
    REQUEST_CHANGES("request_changes", true);

    private final String wireName;
    private final boolean needsComment;

    DecisionKind(String wireName, boolean needsComment) {
        this.wireName = wireName;
        this.needsComment = needsComment;
    }

    /** The lowercase name in JSON, in the API and in the console's forms. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether a decision of this kind must carry a comment: the reason or the feedback for the agent. */
    public boolean needsComment() {
        return needsComment;
    }

    /** Whether {@code comment} leaves out the comment this kind needs: null, empty or only white space. */
    public boolean lacksComment(String comment) {
        return needsComment && (comment == null || comment.isBlank());
    }

    public static Optional<DecisionKind> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(name))
                .findFirst();
    }
}
