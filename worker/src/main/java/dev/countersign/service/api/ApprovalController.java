package dev.countersign.service.api;

import dev.countersign.approval.ApprovalId;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.service.limits.FieldLimits;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's approval inbox and decisions; the reviewer is always the authenticated caller. An
 * approval of a task the caller may not read ({@link TaskAccess}) answers 404 as an unknown one does.
 */
@RestController
@RequestMapping(path = "/api/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApprovalController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final Countersign countersign;
    private final FieldLimits limits;
    private final TaskAccess access;

    public ApprovalController(Countersign countersign, FieldLimits limits, TaskAccess access) {
        this.countersign = countersign;
        this.limits = limits;
        this.access = access;
    }

    /**
     * The approvals the caller may decide, newest first, then a row for each task that could not be
     * read although visibility says it awaits one of the caller's groups ({@code status}
     * UNREADABLE, {@code error}).
     */
    @GetMapping
    public List<Object> inbox(Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        ApprovalInbox inbox = countersign.inbox(caller.name(), caller.groups());
        List<Object> entries = new ArrayList<>(inbox.approvals());
        entries.addAll(inbox.unreadable());
        return entries;
    }

    @GetMapping("/{approvalId}")
    public PendingApproval approval(@PathVariable String approvalId, Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        return access.readableApproval(caller, approvalId, countersign)
                .orElseThrow(() -> new ApprovalNotFound("no pending approval '" + approvalId + "'"));
    }

    @PostMapping(path = "/{approvalId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DecisionResult decide(
            @PathVariable String approvalId,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody DecisionBody body,
            Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        limits.text("comment", body.comment());
        limits.args(body.args());
        try {
            return countersign.decide(body.toRequest(decisionId(idempotencyKey), approvalId, caller));
        } catch (DecisionRefused refused) {
            // Whoever may decide may read the task, so only a refusal needs the read-scope check.
            if (!access.readsEveryTask(caller)
                    && access.readable(
                                    caller, ApprovalId.parse(approvalId).flatMap(id -> countersign.task(id.taskId())))
                            .isEmpty()) {
                throw new ApprovalNotFound("no approval " + approvalId);
            }
            throw refused;
        }
    }

    /** A checked Idempotency-Key, or a new id without one. */
    static String decisionId(String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (idempotencyKey.isBlank()
                || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || !idempotencyKey.chars().allMatch(ApprovalController::visibleAscii)) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST,
                    IDEMPOTENCY_KEY + " must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                            + " visible ASCII characters (such as a UUID)");
        }
        return idempotencyKey;
    }

    // Printable ASCII, as a structured-header string allows; the firewall itself refuses control bytes.
    private static boolean visibleAscii(int character) {
        return character > ' ' && character < 0x7f;
    }
}
