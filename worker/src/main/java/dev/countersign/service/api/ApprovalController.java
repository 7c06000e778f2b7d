package dev.countersign.service.api;

import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.Countersign;
import dev.countersign.inbox.InvalidPageToken;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.Reviewer;
import dev.countersign.service.security.TaskAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final TaskAccess access;
    private final ApprovalDecisions decisions;
    private final BulkDecisions bulk;

    ApprovalController(Countersign countersign, TaskAccess access, ApprovalDecisions decisions, BulkDecisions bulk) {
        this.countersign = countersign;
        this.access = access;
        this.decisions = decisions;
        this.bulk = bulk;
    }

    /**
     * One page of the approvals the caller may decide: the tasks on one page of visibility's listing
     * of those awaiting the caller's groups ({@code limit}, default {@value InboxPageRequest#DEFAULT_LIMIT},
     * at most {@value InboxPageRequest#MAX_LIMIT}), their approvals newest first, then a row for each
     * of them that could not be read ({@code status} UNREADABLE, {@code error}). When more may follow,
     * a {@code Link} header with {@code rel="next"} names the next page.
     */
    @GetMapping
    public ResponseEntity<List<Object>> inbox(
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String pageToken,
            Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        InboxPageRequest page = InboxPageRequest.of(limit, pageToken);
        ApprovalInbox inbox;
        try {
            inbox = countersign.inbox(caller.name(), caller.groups(), page.limit(), page.pageToken());
        } catch (InvalidPageToken invalid) {
            throw InboxPageRequest.invalidToken();
        }
        List<Object> entries = new ArrayList<>(inbox.approvals());
        entries.addAll(inbox.unreadable());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (inbox.nextPageToken() != null) {
            answer.header(HttpHeaders.LINK, page.nextLink(inbox.nextPageToken()));
        }
        return answer.body(entries);
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
        return decisions.decide(CurrentUser.of(authentication), approvalId, decisionId(idempotencyKey), body);
    }

    /**
     * One decision (approve, or reject with a reason) on up to {@value BulkDecisionBody#MAX_ITEMS}
     * approvals of one policy rule, each bound to its argsDigest and made as a single decision is;
     * answers what became of each.
     */
    @PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public BulkDecisionResult decideAll(
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody BulkDecisionBody body,
            Authentication authentication,
            HttpServletRequest request) {
        Reviewer caller = CurrentUser.of(authentication);
        String key = idempotencyKey == null ? null : decisionId(idempotencyKey);
        return bulk.decide(caller, body, key, request);
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
