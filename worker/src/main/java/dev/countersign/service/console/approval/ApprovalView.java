package dev.countersign.service.console.approval;

import dev.countersign.approval.PendingApproval;
import dev.countersign.history.TimelineEvent;
import dev.countersign.service.console.claim.Claim;
import dev.countersign.task.TaskView;
import java.util.List;
import java.util.Map;

/**
 * Everything the approval page shows: the pending call and what its tool says it does, its task and
 * timeline, who is looking at it, whether the signed-in reviewer may decide it (and why not), and the
 * edit form: generated from the tool's schema, or, where a form cannot show that schema, the arguments
 * as JSON ({@code argsJson}, null when the generated form fits); and what the call would change, as
 * its tool previews it ({@code preview}, empty when the tool cannot say).
 */
public record ApprovalView(
        PendingApproval approval,
        String toolDescription,
        TaskView task,
        List<TimelineEvent> timeline,
        Claim claim,
        boolean decidable,
        String whyNot,
        boolean editable,
        List<ArgumentField> fields,
        String argsJson,
        String risk,
        Map<String, Object> serverHints,
        List<PreviewLine> preview) {

    public ApprovalView {
        serverHints = serverHints == null ? Map.of() : Map.copyOf(serverHints);
        toolDescription = toolDescription == null ? "" : toolDescription;
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        fields = fields == null ? List.of() : List.copyOf(fields);
        preview = preview == null ? List.of() : List.copyOf(preview);
    }

    /**
     * What the tool's MCP server says of it ({@code readOnlyHint: true}, ...), as "name: value" in a
     * fixed order; empty for other tools. Hints the server states, which Countersign does not check.
     */
    public String serverHintsText() {
        return new java.util.TreeMap<>(serverHints)
                .entrySet().stream()
                        .map(hint -> hint.getKey() + ": " + hint.getValue())
                        .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Approvals still needed before the call runs. */
    public int missing() {
        return Math.max(0, approval.required() - approval.approvals());
    }
}
