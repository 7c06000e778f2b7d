package dev.countersign.service.console.approval;

import dev.countersign.approval.ApprovalId;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionResult;
import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.Countersign;
import dev.countersign.service.console.ConsolePaths;
import dev.countersign.service.console.ConsoleUser;
import dev.countersign.service.console.claim.Claims;
import dev.countersign.service.security.TaskAccess;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval page and its decisions. GET never decides, whatever its parameters: the links in
 * notifications ({@code ?decision=approve}) only preselect the matching form. Decisions are form
 * POSTs with the CSRF token and the digest of the arguments shown. An approval of a task the user may
 * not read ({@link TaskAccess}) is not found, as an unknown one.
 */
@Controller
@RequestMapping("/approvals")
public class ApprovalPageController {

    static final String VIEW = "approval";

    private final ApprovalPages pages;
    private final ConsoleDecisions decisions;
    private final Claims claims;
    private final Countersign countersign;
    private final TaskAccess access;

    public ApprovalPageController(
            ApprovalPages pages,
            ConsoleDecisions decisions,
            Claims claims,
            Countersign countersign,
            TaskAccess access) {
        this.pages = pages;
        this.decisions = decisions;
        this.claims = claims;
        this.countersign = countersign;
        this.access = access;
    }

    @GetMapping("/{approvalId}")
    ModelAndView approval(
            @PathVariable String approvalId,
            @RequestParam(required = false) String decision,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        return pages.view(approvalId, user, Map.of(), Map.of())
                .map(view -> page(
                        view,
                        DecisionKind.fromWireName(decision).isPresent() ? decision : null,
                        null,
                        null,
                        HttpStatus.OK))
                .orElseGet(() -> gone(approvalId, user, redirect));
    }

    @PostMapping("/{approvalId}/decision")
    ModelAndView decide(
            @PathVariable String approvalId,
            @RequestParam Map<String, String> params,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        DecisionForm form = new DecisionForm(
                params.get("decision"),
                params.get("argsDigest"),
                params.get("decisionId"),
                params.get("comment"),
                params.get(JsonArgumentsEditor.PARAM));
        Map<String, String> submittedArgs = EditArguments.submitted(params);
        DecisionOutcome outcome = decisions.decide(user, approvalId, form, submittedArgs);
        if (outcome instanceof DecisionOutcome.Recorded recorded) {
            return recorded(approvalId, form, recorded.result(), redirect);
        }
        if (outcome instanceof DecisionOutcome.Invalid invalid) {
            return again(
                    approvalId,
                    user,
                    form,
                    submittedArgs,
                    invalid.argErrors(),
                    invalid.message(),
                    false,
                    redirect,
                    HttpStatus.BAD_REQUEST);
        }
        DecisionOutcome.Refused refused = (DecisionOutcome.Refused) outcome;
        return again(
                approvalId,
                user,
                form,
                submittedArgs,
                Map.of(),
                Refusals.message(refused.refusal()),
                Refusals.staleView(refused.refusal()),
                redirect,
                Refusals.status(refused.refusal()));
    }

    @PostMapping("/{approvalId}/claim")
    String claim(
            @PathVariable String approvalId,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        access.readableApproval(user.reviewer(), approvalId, countersign)
                .orElseThrow(() -> new ApprovalNotFound("no pending approval '" + approvalId + "'"));
        var claim = claims.claim(approvalId, user.name());
        redirect.addFlashAttribute(
                "notice",
                claim.heldBy(user.name())
                        ? "You are looking at this approval; other reviewers see that."
                        : claim.reviewer() + " is already looking at this approval.");
        return ConsolePaths.redirectToApproval(approvalId);
    }

    @PostMapping("/{approvalId}/release")
    String release(
            @PathVariable String approvalId,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        claims.release(approvalId, user.name());
        redirect.addFlashAttribute("notice", "You let go of this approval.");
        return ConsolePaths.redirectToApproval(approvalId);
    }

    private ModelAndView recorded(
            String approvalId, DecisionForm form, DecisionResult result, RedirectAttributes redirect) {
        String taskId = taskOf(approvalId);
        if (result.state() == ApprovalState.PENDING) {
            int missing = Math.max(0, result.required() - result.approvals());
            redirect.addFlashAttribute(
                    "notice",
                    (form.kind().orElse(null) == DecisionKind.EDIT
                                    ? "Your edit was recorded. "
                                    : "Your approval was recorded. ")
                            + result.approvals() + " of " + result.required() + " approvals; it waits for "
                            + missing + " more approver" + (missing == 1 ? "" : "s") + ".");
            return new ModelAndView(ConsolePaths.redirectToApproval(approvalId));
        }
        redirect.addFlashAttribute(
                "notice",
                switch (result.state()) {
                    case APPROVED -> "Approved: the call has its approvals and runs now.";
                    case REJECTED -> "Rejected: the call will not run; the agent is told your reason.";
                    case CHANGES_REQUESTED -> "Sent back: the agent gets your comment and proposes again.";
                    default ->
                        "Recorded: the approval is now " + result.state().name().toLowerCase(Locale.ROOT) + ".";
                });
        return new ModelAndView(ConsolePaths.redirectToTask(taskId));
    }

    private ModelAndView again(
            String approvalId,
            ConsoleUser user,
            DecisionForm form,
            Map<String, String> submittedArgs,
            Map<String, String> argErrors,
            String error,
            boolean stale,
            RedirectAttributes redirect,
            HttpStatusCode status) {
        return pages.view(approvalId, user, submittedArgs, argErrors)
                .map(view -> {
                    ModelAndView page = page(view, form.decision(), form, error, status);
                    page.addObject("stale", stale);
                    return page;
                })
                .orElseGet(() -> {
                    redirect.addFlashAttribute("error", error);
                    return gone(approvalId, user, redirect);
                });
    }

    private static ModelAndView page(
            ApprovalView view, String preselect, DecisionForm form, String error, HttpStatusCode status) {
        ModelAndView page = new ModelAndView(VIEW, status);
        page.addObject("view", view);
        page.addObject("approval", view.approval());
        page.addObject("preselect", preselect);
        page.addObject("decisionId", UUID.randomUUID().toString());
        page.addObject("form", form == null ? new DecisionForm(null, null, null, "") : form);
        page.addObject("error", error);
        page.addObject("stale", false);
        return page;
    }

    /** A decided (or unknown) approval: its task's page when the task exists and the user may read it, else 404. */
    private ModelAndView gone(String approvalId, ConsoleUser user, RedirectAttributes redirect) {
        String taskId = taskOf(approvalId);
        if (taskId == null
                || access.readable(user.reviewer(), countersign.task(taskId)).isEmpty()) {
            throw new ApprovalNotFound("no pending approval '" + approvalId + "'");
        }
        if (!redirect.getFlashAttributes().containsKey("error")) {
            redirect.addFlashAttribute(
                    "notice", "Approval " + approvalId + " is no longer pending: it was decided. Here is its task.");
        }
        return new ModelAndView(ConsolePaths.redirectToTask(taskId));
    }

    /** The task an approval id names, or null when the text is no approval id. */
    private static String taskOf(String approvalId) {
        return ApprovalId.parse(approvalId).map(ApprovalId::taskId).orElse(null);
    }
}
