package dev.countersign.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.service.security.Reviewer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The body of POST /api/approvals/{id}/decision. It carries no identity: unknown fields such as
 * {@code reviewer} are ignored, and the reviewer comes from authentication.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DecisionBody(String decision, Map<String, Object> args, String argsDigest, String comment) {

    static final String ALLOWED =
            Arrays.stream(DecisionKind.values()).map(DecisionKind::wireName).collect(Collectors.joining(", "));

    DecisionRequest toRequest(String decisionId, String approvalId, Reviewer reviewer) {
        DecisionKind kind = kind();
        if (kind == DecisionKind.EDIT && args == null) {
            throw invalid("an edit needs args: the complete new arguments of the tool call");
        }
        if (kind.lacksComment(comment)) {
            throw invalid(
                    kind == DecisionKind.REJECT
                            ? "a rejection needs a reason: put it in comment"
                            : "request_changes needs a comment that tells the agent what to change");
        }
        return ApiProblem.valid(
                ApiProblem.INVALID_DECISION,
                () -> new DecisionRequest(
                        decisionId, approvalId, reviewer.name(), reviewer.groups(), kind, args, argsDigest, comment));
    }

    private DecisionKind kind() {
        if (isBlank(decision)) {
            throw invalid("decision is required: one of " + ALLOWED);
        }
        return DecisionKind.fromWireName(decision)
                .orElseThrow(() -> invalid("unknown decision '" + decision + "': use one of " + ALLOWED));
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest(ApiProblem.INVALID_DECISION, detail);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
