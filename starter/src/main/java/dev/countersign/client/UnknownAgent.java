package dev.countersign.client;

/** No agent model serves this agent. */
public class UnknownAgent extends CountersignException {

    public UnknownAgent(String message) {
        super(message);
    }
}
