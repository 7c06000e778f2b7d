package dev.countersign.client;

/**
 * The workflow refused a decision, an answer or a cancellation. {@link #type()} is one of the
 * {@code dev.countersign.approval.DecisionRefusal} types and tells the API which status to answer.
 */
public class DecisionRefused extends CountersignException {

    private final String type;

    public DecisionRefused(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
