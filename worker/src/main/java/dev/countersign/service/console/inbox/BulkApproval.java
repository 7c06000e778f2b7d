package dev.countersign.service.console.inbox;

import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import dev.countersign.service.console.ConsoleUser;
import dev.countersign.service.console.approval.ConsoleDecisions;
import dev.countersign.service.console.approval.DecisionOutcome;
import dev.countersign.service.console.approval.Refusals;
import dev.countersign.service.security.TaskAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Approves several pending approvals of the same policy rule in one action. Each is sent as its own
 * decision, bound to the digest shown in its row, so each is checked and recorded on its own and
 * some may be refused while others are recorded. Approvals of different rules are never approved
 * together: the reviewer gets an explanation and nothing is sent. A selected approval whose task the
 * reviewer may not read ({@link TaskAccess}) counts as no longer pending, as an unknown one does.
 */
@Component
public class BulkApproval {

    private static final Logger log = LoggerFactory.getLogger(BulkApproval.class);

    private final Countersign countersign;
    private final ConsoleDecisions decisions;
    private final TaskAccess access;

    public BulkApproval(Countersign countersign, ConsoleDecisions decisions, TaskAccess access) {
        this.countersign = countersign;
        this.decisions = decisions;
        this.access = access;
    }

    /** The results, one per selection; or a single problem when the selection cannot be approved together. */
    public record Outcome(List<BulkResult> results, String problem) {}

    public Outcome approve(ConsoleUser user, List<Selection> selections, String comment) {
        if (selections.isEmpty()) {
            return new Outcome(List.of(), "Select at least one approval to approve.");
        }
        Map<Selection, Optional<PendingApproval>> pending = new LinkedHashMap<>();
        selections.forEach(selection ->
                pending.put(selection, access.readableApproval(user.reviewer(), selection.approvalId(), countersign)));
        TreeSet<String> rules = new TreeSet<>();
        pending.values().forEach(approval -> approval.ifPresent(found -> rules.add(String.valueOf(found.rule()))));
        if (rules.size() > 1) {
            return new Outcome(
                    List.of(),
                    "Bulk approval takes approvals of one rule at a time; you selected rules "
                            + String.join(", ", rules) + ". Nothing was approved.");
        }
        List<BulkResult> results = new ArrayList<>();
        pending.forEach((selection, approval) -> results.add(approve(user, selection, approval, comment)));
        log.info(
                "bulk approval by {}: {} of {} recorded",
                user.name(),
                results.stream().filter(BulkResult::recorded).count(),
                results.size());
        return new Outcome(results, null);
    }

    private BulkResult approve(
            ConsoleUser user, Selection selection, Optional<PendingApproval> approval, String comment) {
        String tool = approval.map(PendingApproval::tool).orElse("");
        if (approval.isEmpty()) {
            return new BulkResult(selection.approvalId(), tool, false, "no longer pending: it was decided meanwhile");
        }
        DecisionOutcome outcome = decisions.approve(user, selection.approvalId(), selection.argsDigest(), comment);
        if (outcome instanceof DecisionOutcome.Recorded recorded) {
            var result = recorded.result();
            String state = switch (result.state()) {
                case APPROVED -> "approved; it runs now";
                case PENDING -> "approval recorded (" + result.approvals() + " of " + result.required() + ")";
                default -> result.state().name().toLowerCase(Locale.ROOT);
            };
            return new BulkResult(selection.approvalId(), tool, true, state);
        }
        if (outcome instanceof DecisionOutcome.Refused refused) {
            return new BulkResult(selection.approvalId(), tool, false, Refusals.message(refused.refusal()));
        }
        return new BulkResult(selection.approvalId(), tool, false, ((DecisionOutcome.Invalid) outcome).message());
    }
}
