package dev.countersign.service.api;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.ReviewQueue;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import dev.countersign.service.limits.FieldLimits;
import dev.countersign.service.security.CountersignSecurityProperties;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.Reviewer;
import dev.countersign.service.security.TaskAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Post-action review: the caller's review inbox, verdicts on executed actions, whole-task rollbacks,
 * and operators' answers to failed compensations and to calls of unknown outcome. Who may do what is checked by the task's workflow;
 * the caller's identity, groups and operator standing come from authentication only. A task the caller
 * may not read ({@link TaskAccess}) answers 404 as an unknown one does. The review inbox needs no such
 * filter: an action is reviewable only by the groups of its own tiers and operators, all of whom may read it.
 */
@RestController
public class ReviewController {

    private final Countersign countersign;
    private final CountersignSecurityProperties security;
    private final FieldLimits limits;
    private final TaskAccess access;

    public ReviewController(
            Countersign countersign, CountersignSecurityProperties security, FieldLimits limits, TaskAccess access) {
        this.countersign = countersign;
        this.security = security;
        this.limits = limits;
        this.access = access;
    }

    /**
     * Actions waiting for the caller's verdict, newest first; for operators then a row for each
     * running task that could not be read ({@code status} UNREADABLE, {@code error}).
     */
    @GetMapping(path = "/api/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Object> inbox(Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        ReviewQueue queue = countersign.reviewQueue(caller.name(), caller.groups(), operator(caller));
        List<Object> entries = new ArrayList<>(queue.reviews());
        entries.addAll(queue.unreadable());
        return entries;
    }

    @PostMapping(
            path = "/api/tasks/{taskId}/actions/{actionId}/review",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ReviewResult review(
            @PathVariable String taskId,
            @PathVariable String actionId,
            @RequestHeader(name = ApprovalController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody ReviewBody body,
            Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        limits.text("comment", body.comment());
        ReviewRequest review = body.toRequest(requestId(idempotencyKey), actionId, caller, operator(caller));
        access.requireReadable(caller, taskId, countersign::task);
        return countersign.review(taskId, review);
    }

    @PostMapping(path = "/api/tasks/{taskId}/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    public RollbackResult rollback(
            @PathVariable String taskId,
            @RequestHeader(name = ApprovalController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody(required = false) CommentBody body,
            Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        RollbackRequest rollback = new RollbackRequest(
                requestId(idempotencyKey), caller.name(), caller.groups(), operator(caller), comment(body));
        access.requireReadable(caller, taskId, countersign::task);
        return countersign.rollback(taskId, rollback);
    }

    /**
     * An operator's answer to an action that needs attention: a failed compensation ({@code retry} runs
     * it again, {@code resolve} records that it was fixed by hand), or a call of unknown outcome, a tool
     * that is not idempotent whose worker stopped mid-call ({@code done} counts it executed, {@code
     * not-done} failed; either needs a comment saying how they know, and the agent goes on).
     */
    @PostMapping(
            path = {
                "/api/tasks/{taskId}/actions/{actionId}/compensation/{answer:retry|resolve}",
                "/api/tasks/{taskId}/actions/{actionId}/outcome/{answer:done|not-done}"
            },
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ReviewResult attend(
            @PathVariable String taskId,
            @PathVariable String actionId,
            @PathVariable String answer,
            @RequestHeader(name = ApprovalController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody(required = false) CommentBody body,
            Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        AttentionKind kind = AttentionKind.fromWire(answer);
        String comment = comment(body);
        if (kind.settlesOutcome()) {
            checkSettlement(caller, comment);
        }
        AttentionRequest request = new AttentionRequest(
                requestId(idempotencyKey), actionId, caller.name(), operator(caller), kind, comment);
        access.requireReadable(caller, taskId, countersign::task);
        return countersign.attend(taskId, request);
    }

    /** Refuses, before the workflow is asked, an answer to a call of unknown outcome that it would refuse. */
    private void checkSettlement(Reviewer caller, String comment) {
        if (!operator(caller)) {
            throw ApiProblem.forbidden(
                    DecisionRefusal.NOT_ALLOWED_TO_REVIEW,
                    caller.name() + " is not an operator; only operators say whether a call of unknown outcome was"
                            + " done");
        }
        if (comment.isBlank()) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_DECISION, "saying whether a call was done needs a comment saying how you know");
        }
    }

    private boolean operator(Reviewer caller) {
        return caller.inAnyOf(security.operatorGroups());
    }

    private static String requestId(String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > ApprovalController.MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST,
                    ApprovalController.IDEMPOTENCY_KEY + " must be 1 to "
                            + ApprovalController.MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        return idempotencyKey;
    }

    private String comment(CommentBody body) {
        String comment = CommentBody.of(body);
        limits.text("comment", comment);
        return comment;
    }
}
