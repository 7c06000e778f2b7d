package dev.countersign.service.api;

import dev.countersign.agent.ToolCall;
import dev.countersign.approval.ApprovalId;
import dev.countersign.autoconfigure.NotificationProperties;
import dev.countersign.client.GateNotFound;
import dev.countersign.client.SubmittedCalls;
import dev.countersign.payload.Digests;
import dev.countersign.service.gateway.GatewayProperties;
import dev.countersign.service.limits.FieldLimits;
import dev.countersign.service.security.CountersignSecurityProperties;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.Reviewer;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.ReportedOutcome;
import dev.countersign.task.SubmittedCall;
import dev.countersign.task.SubmittedCallReceipt;
import dev.countersign.task.TaskStart;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The gate API, for agents that run their tools themselves and do not speak MCP: ask before a call
 * ({@code POST /api/gates}: the policy's verdict at once), wait for reviewers ({@code GET
 * /api/gates/{id}?wait=PT30S}, a long-poll on Temporal that any replica answers), and report what the
 * run returned ({@code POST /api/gates/{id}/outcome}), which uses the approval up. A gate is an action
 * of an external task, so reviewers see it in the inbox as any other; only its requester reads it here.
 * Its {@code callbackUrl}, at an allowed host, is told of a rollback verdict on the call.
 */
@RestController
@RequestMapping(path = "/api/gates", produces = MediaType.APPLICATION_JSON_VALUE)
public class GateController {

    /** What policy conditions read as {@code agent} for a gate that names none. */
    static final String DEFAULT_AGENT = "gate-api";

    static final String MAX_WAIT_TEXT = "PT60S";
    static final Duration MAX_WAIT = Duration.parse(MAX_WAIT_TEXT);
    /** How long the answer to {@code POST} waits for the policy's verdict in the task. */
    private static final Duration VERDICT_WAIT = Duration.ofSeconds(10);

    private static final int MAX_NAME_LENGTH = 128;

    private final SubmittedCalls calls;
    private final GatewayProperties gateway;
    private final CountersignSecurityProperties security;
    private final FieldLimits limits;
    private final NotificationProperties notifications;

    public GateController(
            SubmittedCalls calls,
            GatewayProperties gateway,
            CountersignSecurityProperties security,
            FieldLimits limits,
            NotificationProperties notifications) {
        this.calls = calls;
        this.gateway = gateway;
        this.security = security;
        this.limits = limits;
        this.notifications = notifications;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<GateView> open(
            @RequestBody GateRequest body,
            @RequestHeader(name = ApprovalController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        if (!caller.inAnyOf(security.requesterGroups())) {
            throw ApiProblem.forbidden(
                    "NotARequester", "asking for a gate needs one of the groups " + security.requesterGroups());
        }
        ToolCall call = call(body);
        String key = idempotencyKey == null ? null : ApprovalController.decisionId(idempotencyKey);
        String gateKey = key == null ? UUID.randomUUID().toString() : Digests.sha256Hex(caller.name() + "\n" + key);
        String taskId = body.taskId() != null ? body.taskId() : "gate-" + gateKey.substring(0, 32);
        String agent = body.agent() == null ? DEFAULT_AGENT : name("agent", body.agent());
        String callbackUrl = GateCallbackUrl.checked(body.callbackUrl(), notifications.callbacks());
        TaskStart start = ApiProblem.valid(
                ApiProblem.INVALID_REQUEST,
                () -> TaskStart.external(
                        taskId,
                        agent,
                        "tool calls agent " + agent + " runs itself, gated through the gate API",
                        caller.name(),
                        gateway.taskIdle()));
        SubmittedCallReceipt receipt = calls.submit(
                start, new SubmittedCall(gateKey, caller.name(), call, gateway.consentTtl(), true, callbackUrl));
        ActionView action = calls.await(
                        receipt.taskId(), receipt.actionId(), seen -> seen.verdict() != null, VERDICT_WAIT, seen -> {})
                .orElseThrow(() -> new IllegalStateException("gate " + receipt + " vanished"));
        GateView gate = GateView.of(receipt.taskId(), action);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{gateId}")
                .buildAndExpand(gate.gateId())
                .toUri();
        return ResponseEntity.created(location).body(gate);
    }

    /** The gate, once decided or after {@code wait} (at most {@value #MAX_WAIT_TEXT}), whichever comes first. */
    @GetMapping("/{gateId}")
    public GateView gate(
            @PathVariable String gateId, @RequestParam(required = false) String wait, Authentication authentication) {
        Duration waitFor = waitOf(wait);
        ApprovalId id = idOf(gateId);
        ActionView action = read(id, CurrentUser.of(authentication), waitFor);
        return GateView.of(id.taskId(), action);
    }

    @PostMapping(path = "/{gateId}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    public GateView outcome(
            @PathVariable String gateId,
            @RequestBody GateReport body,
            @RequestHeader(name = ApprovalController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        ApprovalId id = idOf(gateId);
        if (body.success() == null) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST, "say whether the run succeeded: \"success\": true or false");
        }
        if (body.result() != null) {
            limits.args(body.result());
        }
        limits.text("error", body.error());
        read(id, caller, Duration.ZERO);
        String key = ApprovalController.decisionId(idempotencyKey);
        calls.report(
                id.taskId(),
                new ReportedOutcome(id.actionId(), caller.name(), body.success(), body.result(), body.error()),
                "report-" + Digests.sha256Hex(caller.name() + "\n" + gateId + "\n" + key));
        return GateView.of(id.taskId(), read(id, caller, Duration.ZERO));
    }

    private ToolCall call(GateRequest body) {
        String tool = name("tool", body.tool());
        Map<String, Object> args = body.args() == null ? Map.of() : body.args();
        limits.args(args);
        limits.text("rationale", body.rationale());
        return ApiProblem.valid(
                ApiProblem.INVALID_REQUEST,
                () -> new ToolCall(
                        tool, args, body.rationale() == null ? "" : body.rationale(), body.confidence(), List.of()));
    }

    private static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(ApiProblem.INVALID_REQUEST, "a gate needs \"" + field + "\"");
        }
        if (value.length() > MAX_NAME_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST,
                    "\"" + field + "\" must be at most " + MAX_NAME_LENGTH + " characters, without control characters");
        }
        return value.strip();
    }

    private static Duration waitOf(String wait) {
        if (wait == null) {
            return Duration.ZERO;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(wait);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST, "wait is an ISO-8601 duration such as PT30S, was '" + wait + "'");
        }
        if (parsed.isNegative() || parsed.compareTo(MAX_WAIT) > 0) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST, "wait must lie between PT0S and " + MAX_WAIT_TEXT + ", was " + wait);
        }
        return parsed;
    }

    private static ApprovalId idOf(String gateId) {
        return ApprovalId.parse(gateId).orElseThrow(() -> new GateNotFound("no gate '" + gateId + "'"));
    }

    /** The gate's action, waited on until decided; another requester's gate is not found, as a missing one. */
    private ActionView read(ApprovalId id, Reviewer caller, Duration wait) {
        if (!calls.requester(id.taskId()).map(caller.name()::equals).orElse(false)) {
            throw new GateNotFound("no gate '" + id + "'");
        }
        return calls.await(id.taskId(), id.actionId(), seen -> seen.state() != ActionState.PENDING, wait, seen -> {})
                .orElseThrow(() -> new GateNotFound("no gate '" + id + "'"));
    }
}
