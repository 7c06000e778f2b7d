package dev.countersign.store;

/**
 * The store does not hold the conversation a model call continues: it was never begun, or entries
 * before the new ones are missing (a store that forgot, such as an in-memory database after a
 * restart, under a Temporal server that remembers).
 */
public class TranscriptGap extends RuntimeException {

    public TranscriptGap(String message) {
        super(message);
    }
}
