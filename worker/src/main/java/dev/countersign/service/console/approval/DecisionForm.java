package dev.countersign.service.console.approval;

import dev.countersign.approval.DecisionKind;
import java.util.Optional;

/**
 * One submitted decision form: which decision, the digest of the arguments the reviewer saw, the
 * form's idempotency key (a repeated submit gets the earlier answer), the comment or reason, and,
 * for a tool edited as JSON, the edited arguments as the reviewer typed them (else null).
 */
public record DecisionForm(String decision, String argsDigest, String decisionId, String comment, String argsJson) {

    public DecisionForm {
        comment = comment == null ? "" : comment.strip();
    }

    /** A form without arguments edited as JSON. */
    public DecisionForm(String decision, String argsDigest, String decisionId, String comment) {
        this(decision, argsDigest, decisionId, comment, null);
    }

    public Optional<DecisionKind> kind() {
        return decision == null ? Optional.empty() : DecisionKind.fromWireName(decision);
    }

    /** What must be fixed before the decision can be sent, or empty when nothing. */
    public Optional<String> problem() {
        Optional<DecisionKind> kind = kind();
        if (kind.isEmpty()) {
            return Optional.of("Choose approve, reject, edit or request changes.");
        }
        if (argsDigest == null || argsDigest.isBlank()) {
            return Optional.of("The form lacks the digest of the arguments you saw. Reload the page and decide again.");
        }
        if (kind.get().lacksComment(comment)) {
            return Optional.of(
                    kind.get() == DecisionKind.REJECT
                            ? "A rejection needs a reason: say why, so the agent and the requester know."
                            : "Requesting changes needs a comment that tells the agent what to change.");
        }
        return Optional.empty();
    }
}
