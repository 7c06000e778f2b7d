package dev.countersign.cli.decision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * What a reviewer asked for on the command line, before the pending approval is read.
 *
 * @param pinnedDigest the argsDigest the reviewer saw, or null to use the one read just before deciding
 * @param newArgs for an edit, makes the new arguments from the pending ones; null otherwise
 */
record DecisionIntent(Decision decision, String comment, String pinnedDigest, UnaryOperator<ObjectNode> newArgs) {

    static DecisionIntent of(Decision decision, String comment, String pinnedDigest) {
        return new DecisionIntent(decision, comment, pinnedDigest, null);
    }

    static DecisionIntent edit(String comment, String pinnedDigest, UnaryOperator<ObjectNode> newArgs) {
        return new DecisionIntent(Decision.EDIT, comment, pinnedDigest, newArgs);
    }
}
