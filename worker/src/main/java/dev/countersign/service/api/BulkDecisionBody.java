package dev.countersign.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.countersign.approval.DecisionKind;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of POST /api/approvals/decisions: one decision ({@code approve}, or {@code reject} with a
 * reason in {@code comment}) on 1 to {@value #MAX_ITEMS} approvals, each with the argsDigest the
 * reviewer saw. Like a single decision's body it carries no identity.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BulkDecisionBody(String decision, String comment, List<Item> approvals) {

    static final int MAX_ITEMS = 500;

    /** One approval to decide, bound to the digest of the arguments shown. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String approvalId, String argsDigest) {}

    /** The decision's kind; refuses the whole request with 400 when anything in it is wrong. */
    DecisionKind checked() {
        DecisionKind kind = kind();
        if (kind.lacksComment(comment)) {
            throw ApiProblem.badRequest(ApiProblem.INVALID_DECISION, "a rejection needs a reason: put it in comment");
        }
        if (approvals == null || approvals.isEmpty() || approvals.size() > MAX_ITEMS) {
            throw invalid("approvals must list 1 to " + MAX_ITEMS + " approvals, was "
                    + (approvals == null ? 0 : approvals.size()) + "; send more in further requests");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < approvals.size(); i++) {
            Item item = approvals.get(i);
            if (item == null || isBlank(item.approvalId())) {
                throw invalid("approvals[" + i + "].approvalId is required");
            }
            if (isBlank(item.argsDigest())) {
                throw invalid("approvals[" + i + "].argsDigest is required: the digest of the arguments you"
                        + " saw, as the inbox lists it, so that no call is decided on arguments you did not see");
            }
            if (!seen.add(item.approvalId())) {
                throw invalid("approval " + item.approvalId() + " is listed twice; list each approval once");
            }
        }
        return kind;
    }

    /** The single decision this request makes on one of its approvals. */
    DecisionBody single(Item item) {
        return new DecisionBody(kind().wireName(), null, item.argsDigest(), comment);
    }

    private DecisionKind kind() {
        String name = decision == null ? "" : decision.strip().toLowerCase(Locale.ROOT);
        if (name.equals(DecisionKind.APPROVE.wireName())) {
            return DecisionKind.APPROVE;
        }
        if (name.equals(DecisionKind.REJECT.wireName())) {
            return DecisionKind.REJECT;
        }
        throw ApiProblem.badRequest(
                ApiProblem.INVALID_DECISION,
                "a bulk decision is approve or reject, was '" + (decision == null ? "" : decision)
                        + "'; edit and request_changes are made one approval at a time");
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest(ApiProblem.INVALID_REQUEST, detail);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
