package dev.countersign.stats;

/**
 * A rule the record says may be relaxed (its last {@code count} requests were all approved
 * unedited) or tightened (executed calls it let run on their own were flagged or rolled back in
 * review, {@code count} of them). Evidence for a person to weigh, never applied by itself.
 */
public record Suggestion(Kind kind, String tool, String rule, int count, String reason) {

    /** Which way the record points. */
    public enum Kind {
        RELAX,
        TIGHTEN
    }
}
