package dev.countersign.agent;

/** The tokens one model reply cost, as the endpoint reported them (zeros when it reported none). */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }
}
