package dev.countersign.activities.store;

/**
 * The store does not hold the conversation a model call continues: it was never begun, or entries
 * before the new ones are missing (a store that forgot, such as an in-memory database after a
 * restart, under a Temporal server that remembers).
 */
public class TranscriptGap extends RuntimeException {

    public TranscriptGap(String message) {
        super(message);
    }

    /** The store holds no conversation of this task. */
    public static TranscriptGap unknownConversation(String taskId, String firstRunId) {
        return new TranscriptGap("the transcript store holds no conversation of task '" + taskId + "' (first run "
                + firstRunId + "): its goal, input and earlier entries are missing");
    }

    /** The store holds fewer entries of this task than come before the new ones. */
    public static TranscriptGap missingEntries(String taskId, String firstRunId, int held, int from) {
        return new TranscriptGap("the transcript store holds " + held + " entries of task '" + taskId + "' (first run "
                + firstRunId + "), but new entries start at position " + from + ": entries " + held + " to "
                + (from - 1) + " are missing");
    }
}
