package dev.countersign.client;

/** Base of the facade's failures; each subtype maps to one HTTP status in the API. */
public abstract class CountersignException extends RuntimeException {

    protected CountersignException(String message) {
        super(message);
    }
}
