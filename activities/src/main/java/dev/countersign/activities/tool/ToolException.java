package dev.countersign.activities.tool;

/**
 * A tool failure with a meaning. {@code retryable == false} stops Temporal's retries at once, for
 * failures a retry cannot mend (an unknown order, a refund above what was paid).
 */
public class ToolException extends RuntimeException {

    private final String type;
    private final boolean retryable;

    public ToolException(String type, String message, boolean retryable) {
        super(message);
        this.type = type;
        this.retryable = retryable;
    }

    public String type() {
        return type;
    }

    public boolean retryable() {
        return retryable;
    }
}
