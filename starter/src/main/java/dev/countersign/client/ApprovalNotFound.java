package dev.countersign.client;

/** No pending approval with this id exists. */
public class ApprovalNotFound extends CountersignException {

    public ApprovalNotFound(String message) {
        super(message);
    }
}
