package dev.countersign.profile;

/** The agents file cannot be used; the message names the file, the agent and the key. */
public class InvalidAgentsFile extends RuntimeException {

    public InvalidAgentsFile(String message) {
        super("The agents file is broken: " + message);
    }
}
