package dev.countersign.client;

/** No gate with this id exists, or it belongs to another requester. */
public class GateNotFound extends CountersignException {

    public GateNotFound(String message) {
        super(message);
    }
}
