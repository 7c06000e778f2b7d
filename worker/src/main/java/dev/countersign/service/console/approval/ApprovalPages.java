package dev.countersign.service.console.approval;

import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import dev.countersign.client.TaskNotFound;
import dev.countersign.history.TimelineEvent;
import dev.countersign.service.console.ConsoleFormat;
import dev.countersign.service.console.ConsoleUser;
import dev.countersign.service.console.claim.Claims;
import dev.countersign.service.security.TaskAccess;
import dev.countersign.task.TaskView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gathers what the approval page shows from the facade, the tool registry and the claims, for a user
 * who may read the approval's task ({@link TaskAccess}).
 */
@Component
public class ApprovalPages {

    private final Countersign countersign;
    private final ToolRegistry tools;
    private final Claims claims;
    private final ConsoleFormat format;
    private final TaskAccess access;

    public ApprovalPages(
            Countersign countersign, ToolRegistry tools, Claims claims, ConsoleFormat format, TaskAccess access) {
        this.countersign = countersign;
        this.tools = tools;
        this.claims = claims;
        this.format = format;
        this.access = access;
    }

    /**
     * The page of a pending approval, or empty when no approval with this id is pending or the user
     * may not read its task.
     */
    public Optional<ApprovalView> view(
            String approvalId, ConsoleUser user, Map<String, String> submittedArgs, Map<String, String> argErrors) {
        return countersign.approval(approvalId).flatMap(approval -> {
            Optional<TaskView> task = countersign.task(approval.taskId());
            if (!access.mayRead(user.reviewer(), approval, () -> task)) {
                return Optional.empty();
            }
            return Optional.of(view(approval, task.orElse(null), user, submittedArgs, argErrors));
        });
    }

    private ApprovalView view(
            PendingApproval approval,
            TaskView task,
            ConsoleUser user,
            Map<String, String> submittedArgs,
            Map<String, String> argErrors) {
        var tool = tools.find(approval.tool());
        boolean formFits = tool.map(JsonArgumentsEditor::formFits).orElse(true);
        var schema = tool.filter(found -> formFits).map(found -> found.schema());
        return new ApprovalView(
                approval,
                tool.map(found -> found.description()).orElse(""),
                task,
                timeline(approval.taskId()),
                claims.of(approval.approvalId()).orElse(null),
                approval.decidableBy(user.name(), user.groups()),
                whyNot(approval, user),
                tool.isPresent(),
                schema.map(s -> EditArguments.fields(s, approval.args(), submittedArgs, argErrors, format))
                        .orElse(List.of()),
                formFits ? null : JsonArgumentsEditor.shown(approval.args()),
                Risk.of(approval),
                tool.map(found -> found.annotations()).orElse(Map.of()),
                ChangePreview.of(tool, approval.args()));
    }

    private List<TimelineEvent> timeline(String taskId) {
        try {
            return countersign.history(taskId).events();
        } catch (TaskNotFound gone) {
            return List.of();
        }
    }

    static String whyNot(PendingApproval approval, ConsoleUser user) {
        if (user.name().equals(approval.requester())) {
            return "You started this task, so someone else must decide this call.";
        }
        if (approval.approvers().contains(user.name())) {
            return "You already approved this call; it waits for " + (approval.required() - approval.approvals())
                    + " more approval(s) from someone else.";
        }
        if (approval.groups().stream().noneMatch(user.groups()::contains)) {
            return "This call waits for reviewers of " + String.join(" or ", approval.groups())
                    + "; you are not in those groups, so you can read it but not decide it.";
        }
        return null;
    }
}
