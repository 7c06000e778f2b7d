package dev.countersign.client;

/**
 * A comment, an answer, guidance, edited arguments or a task's goal and input larger than a task
 * accepts ({@code countersign.limits.max-payload}); refused before it reaches Temporal.
 */
public class PayloadTooLarge extends CountersignException {

    private final long bytes;
    private final long limit;

    public PayloadTooLarge(String what, long bytes, long limit) {
        super(what + " has " + bytes + " bytes; a task accepts at most " + limit);
        this.bytes = bytes;
        this.limit = limit;
    }

    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
