package dev.countersign.cli.review;

/** A post-action review: the action was fine, needs a second look, or must be undone. */
public enum ReviewVerdict {
    OK,
    FLAG,
    ROLLBACK;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
