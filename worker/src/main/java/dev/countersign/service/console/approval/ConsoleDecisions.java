package dev.countersign.service.console.approval;

import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.service.console.ConsoleUser;
import dev.countersign.service.console.claim.Claims;
import dev.countersign.service.limits.FieldLimits;
import dev.countersign.service.limits.FieldTooLong;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a reviewer's decision from a console form to the workflow: checks the form, types an edit's
 * arguments by the tool's schema, binds the decision to the digest the reviewer saw, and releases
 * their claim once it is recorded. The reviewer is always the signed-in user.
 */
@Component
public class ConsoleDecisions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleDecisions.class);

    static final int MAX_DECISION_ID = 200;

    private final Countersign countersign;
    private final ToolRegistry tools;
    private final Claims claims;
    private final FieldLimits limits;

    public ConsoleDecisions(Countersign countersign, ToolRegistry tools, Claims claims, FieldLimits limits) {
        this.countersign = countersign;
        this.tools = tools;
        this.claims = claims;
        this.limits = limits;
    }

    public DecisionOutcome decide(
            ConsoleUser user, String approvalId, DecisionForm form, Map<String, String> submittedArgs) {
        var problem = form.problem();
        if (problem.isPresent()) {
            return new DecisionOutcome.Invalid(problem.get(), Map.of());
        }
        DecisionKind kind = form.kind().orElseThrow();
        Map<String, Object> args = null;
        if (kind == DecisionKind.EDIT) {
            PendingApproval approval = countersign
                    .approval(approvalId)
                    .orElseThrow(() -> new ApprovalNotFound("no pending approval '" + approvalId + "'"));
            var tool = tools.find(approval.tool());
            if (tool.isEmpty()) {
                return new DecisionOutcome.Invalid(
                        "The tool " + approval.tool() + " is unknown to this server; its call cannot be edited here.",
                        Map.of());
            }
            EditArguments.Parsed parsed = JsonArgumentsEditor.formFits(tool.get())
                    ? EditArguments.parse(tool.get().schema(), approval.args(), submittedArgs)
                    : JsonArgumentsEditor.parse(tools, approval.tool(), form.argsJson());
            if (!parsed.valid()) {
                String whole = parsed.errors().get("");
                return new DecisionOutcome.Invalid(
                        whole != null ? "The edited call is not valid: " + whole : "Fix the marked arguments.",
                        parsed.errors());
            }
            args = parsed.args();
        }
        return send(user, approvalId, kind, args, form.argsDigest(), decisionId(form.decisionId()), form.comment());
    }

    /** Sends one approval, as bulk approval does for each selected row, with the digest shown in that row. */
    public DecisionOutcome approve(ConsoleUser user, String approvalId, String argsDigest, String comment) {
        return send(
                user,
                approvalId,
                DecisionKind.APPROVE,
                null,
                argsDigest,
                UUID.randomUUID().toString(),
                comment);
    }

    private DecisionOutcome send(
            ConsoleUser user,
            String approvalId,
            DecisionKind kind,
            Map<String, Object> args,
            String argsDigest,
            String decisionId,
            String comment) {
        try {
            limits.text("comment", comment);
            limits.args(args);
        } catch (FieldTooLong tooLong) {
            return new DecisionOutcome.Invalid(tooLong.getMessage() + ".", Map.of());
        }
        try {
            var result = countersign.decide(new DecisionRequest(
                    decisionId, approvalId, user.name(), user.groups(), kind, args, argsDigest, comment));
            claims.release(approvalId, user.name());
            if (result.state() != ApprovalState.PENDING) {
                claims.forget(approvalId);
            }
            return new DecisionOutcome.Recorded(result);
        } catch (DecisionRefused refused) {
            logRefusal(user, approvalId, kind, refused);
            return new DecisionOutcome.Refused(refused);
        } catch (ApprovalNotFound gone) {
            return new DecisionOutcome.Refused(
                    new DecisionRefused(DecisionRefusal.UNKNOWN_APPROVAL, gone.getMessage()));
        }
    }

    private static void logRefusal(ConsoleUser user, String approvalId, DecisionKind kind, DecisionRefused refused) {
        String safeId = approvalId.replaceAll("\\p{Cntrl}", "?");
        if (Refusals.status(refused).value() == 403) {
            log.warn(
                    "console refused {} of {} by '{}' with 403 {}: {}",
                    kind.wireName(),
                    safeId,
                    user.name(),
                    refused.type(),
                    refused.getMessage());
        } else {
            log.info(
                    "console decision {} of {} by '{}' refused: {} {}",
                    kind.wireName(),
                    safeId,
                    user.name(),
                    refused.type(),
                    refused.getMessage());
        }
    }

    private static String decisionId(String fromForm) {
        return fromForm == null || fromForm.isBlank() || fromForm.length() > MAX_DECISION_ID
                ? UUID.randomUUID().toString()
                : fromForm;
    }
}
