package dev.countersign.inbox;

/**
 * A page token the directory did not issue, or one the Temporal server no longer accepts: the
 * caller asks for the first page again.
 */
public class InvalidPageToken extends IllegalArgumentException {

    public InvalidPageToken(String message) {
        super(message);
    }
}
