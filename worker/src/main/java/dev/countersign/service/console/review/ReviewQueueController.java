package dev.countersign.service.console.review;

import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.ReviewQueue;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.service.console.ConsoleUser;
import dev.countersign.service.console.approval.Refusals;
import dev.countersign.service.limits.FieldLimits;
import dev.countersign.service.security.TaskAccess;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The post-action review queue: executed actions waiting for the signed-in reviewer's verdict (ok,
 * flag, or rollback, which runs the tool's compensation), and for operators the actions whose
 * rollback failed, to retry or mark resolved, and the calls of unknown outcome, to say done or not done. Who may review what is checked by the workflow; a verdict
 * on a task the user may not read ({@link TaskAccess}) is not found, as on an unknown task. The queue
 * itself needs no such filter: an action is reviewable only by its tiers' groups and operators.
 */
@Controller
@RequestMapping("/reviews")
public class ReviewQueueController {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueueController.class);

    private static final String QUEUE = "redirect:/reviews";

    private final Countersign countersign;
    private final FieldLimits limits;
    private final TaskAccess access;

    public ReviewQueueController(Countersign countersign, FieldLimits limits, TaskAccess access) {
        this.countersign = countersign;
        this.limits = limits;
        this.access = access;
    }

    @GetMapping
    String queue(@ModelAttribute(name = "user", binding = false) ConsoleUser user, Model model) {
        ReviewQueue queue = countersign.reviewQueue(user.name(), user.groups(), user.operator());
        model.addAttribute("reviews", queue.reviews());
        model.addAttribute("unreadable", queue.unreadable());
        return "reviews";
    }

    @PostMapping("/{taskId}/{actionId}")
    String review(
            @PathVariable String taskId,
            @PathVariable String actionId,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String comment,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        String text = readableComment(user, taskId, comment);
        ReviewVerdict chosen = ReviewVerdict.fromWire(verdict);
        if (chosen == null) {
            return refused(redirect, "Choose ok, flag or roll back.");
        }
        if (chosen == ReviewVerdict.FLAG && text.isEmpty()) {
            return refused(redirect, "A flag needs a comment: say what is wrong with " + actionId + ".");
        }
        ReviewRequest request = new ReviewRequest(
                UUID.randomUUID().toString(), actionId, user.name(), user.groups(), user.operator(), chosen, text);
        send(taskId, actionId, user, redirect, () -> countersign.review(taskId, request), ReviewQueueController::nowIs);
        return QUEUE;
    }

    @PostMapping("/{taskId}/{actionId}/attention")
    String attend(
            @PathVariable String taskId,
            @PathVariable String actionId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String comment,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        String text = readableComment(user, taskId, comment);
        AttentionKind chosen = AttentionKind.fromWire(kind);
        if (chosen == null) {
            return refused(redirect, "Choose retry, resolved by hand, done or not done.");
        }
        if (chosen == AttentionKind.RESOLVE && text.isEmpty()) {
            return refused(redirect, "Say how it was resolved by hand, so the record explains it.");
        }
        if (chosen.settlesOutcome() && text.isEmpty()) {
            return refused(redirect, "Say how you know whether " + actionId + " was done, so the record explains it.");
        }
        AttentionRequest request = new AttentionRequest(
                UUID.randomUUID().toString(), actionId, user.name(), user.operator(), chosen, text);
        send(
                taskId,
                actionId,
                user,
                redirect,
                () -> countersign.attend(taskId, request),
                chosen.settlesOutcome() ? result -> settled(result, chosen) : ReviewQueueController::nowIs);
        return QUEUE;
    }

    /** The comment, stripped and within its limit, once the task is known to be readable by the user. */
    private String readableComment(ConsoleUser user, String taskId, String comment) {
        access.requireReadable(user.reviewer(), taskId, countersign::task);
        String text = comment == null ? "" : comment.strip();
        limits.text("comment", text);
        return text;
    }

    private static String refused(RedirectAttributes redirect, String error) {
        redirect.addFlashAttribute("error", error);
        return QUEUE;
    }

    private static void send(
            String taskId,
            String actionId,
            ConsoleUser user,
            RedirectAttributes redirect,
            java.util.function.Supplier<ReviewResult> call,
            java.util.function.Function<ReviewResult, String> notice) {
        try {
            redirect.addFlashAttribute("notice", notice.apply(call.get()));
        } catch (DecisionRefused refused) {
            log.warn(
                    "console refused the review of {} {} by '{}': {} {}",
                    clean(taskId),
                    clean(actionId),
                    user.name(),
                    refused.type(),
                    refused.getMessage());
            redirect.addFlashAttribute("error", Refusals.message(refused));
        }
    }

    private static String nowIs(ReviewResult result) {
        return "Recorded: " + result.actionId() + " of " + result.taskId() + " is now "
                + result.review().state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
    }

    private static String settled(ReviewResult result, AttentionKind outcome) {
        return "Recorded: " + result.actionId() + " of " + result.taskId()
                + (outcome == AttentionKind.DONE
                        ? " was done; it counts as executed and the agent is told."
                        : " was not done; it counts as failed and the agent is told.");
    }

    private static String clean(String value) {
        return value.replaceAll("\\p{Cntrl}", "?");
    }
}
