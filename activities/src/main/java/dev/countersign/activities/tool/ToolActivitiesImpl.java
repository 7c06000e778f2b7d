package dev.countersign.activities.tool;

import dev.countersign.payload.PayloadBounds;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tools, and their compensations, for the workflow. It re-checks that the arguments are exactly the approved ones
 * (their digest) before any side effect, and turns a {@link ToolException} into a failure whose
 * type and retryability Temporal honours. A tool that is not idempotent never runs again after an
 * attempt that may have reached it ({@link OutcomeGuard}).
 */
public class ToolActivitiesImpl implements ToolActivities {

    public static final String ARGS_MISMATCH = "ArgumentsDoNotMatchApproval";
    public static final String INVALID_ARGUMENTS = "InvalidToolArguments";
    public static final String NO_COMPENSATION = "NoCompensation";

    private static final Logger log = LoggerFactory.getLogger(ToolActivitiesImpl.class);

    private final ToolRegistry registry;
    private final int maxPayloadBytes;

    public ToolActivitiesImpl(ToolRegistry registry) {
        this(registry, PayloadBounds.MAX_VALUE_BYTES);
    }

    /**
     * @param maxPayloadBytes the size a tool's result or error message is cut to (visibly), so that
     *     it never makes the task's history too large; at most {@link PayloadBounds#MAX_VALUE_BYTES}
     */
    public ToolActivitiesImpl(ToolRegistry registry, int maxPayloadBytes) {
        if (maxPayloadBytes <= 0 || maxPayloadBytes > PayloadBounds.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException(
                    "the payload bound must lie between 1 and " + PayloadBounds.MAX_VALUE_BYTES + " bytes");
        }
        this.registry = registry;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public ToolResult executeTool(ToolInvocation invocation) {
        if (invocation.argsDigest() != null
                && !ArgsDigest.of(invocation.tool(), invocation.args()).equals(invocation.argsDigest())) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "the arguments differ from the ones approved; refusing to run " + invocation.tool(), ARGS_MISMATCH);
        }
        List<String> violations = registry.violations(invocation.tool(), invocation.args());
        if (!violations.isEmpty()) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "invalid arguments for " + invocation.tool() + ": " + String.join("; ", violations),
                    INVALID_ARGUMENTS);
        }
        Tool tool = registry.find(invocation.tool()).orElseThrow();
        try {
            ToolResult result = bounded(
                    new ToolResult(OutcomeGuard.run(tool, () -> tool.execute(invocation)), compensationName(tool)),
                    invocation.tool(),
                    invocation.taskId());
            log.info(
                    "tool {} ran for {} (key {})", invocation.tool(), invocation.taskId(), invocation.idempotencyKey());
            return result;
        } catch (ToolException e) {
            throw failure(e);
        }
    }

    /**
     * Runs the compensation the tool declares for an executed call, with the request's own
     * idempotency key. A tool that declares none (any more) fails without retries.
     */
    @Override
    public ToolResult compensate(CompensationRequest request) {
        Compensation compensation = registry.find(request.tool())
                .map(Tool::compensation)
                .filter(Compensation::declared)
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                        request.tool() + " declares no compensation; undo it by hand", NO_COMPENSATION));
        try {
            ToolResult result = bounded(
                    new ToolResult(ActivityHeartbeat.whileRunning(() -> compensation.run(request))),
                    compensation.name(),
                    request.taskId());
            log.info(
                    "compensation {} ran for {} {} (key {})",
                    compensation.name(),
                    request.taskId(),
                    request.actionId(),
                    request.idempotencyKey());
            return result;
        } catch (ToolException e) {
            throw failure(e);
        }
    }

    /** The result cut to the bound, with its marker, and a warning for operators when it was cut. */
    private ToolResult bounded(ToolResult result, String tool, String taskId) {
        ToolResult bounded = result.within(maxPayloadBytes);
        if (PayloadBounds.isTruncated(bounded.output())) {
            log.warn(
                    "tool {} returned {} bytes for task {}, more than {}; its result was truncated",
                    tool,
                    bounded.output().get("originalBytes"),
                    taskId,
                    maxPayloadBytes);
        }
        return bounded;
    }

    private static String compensationName(Tool tool) {
        Compensation compensation = tool.compensation();
        return compensation != null && compensation.declared() ? compensation.name() : null;
    }

    private ApplicationFailure failure(ToolException e) {
        String message = PayloadBounds.text(e.getMessage(), maxPayloadBytes);
        if (e.retryable()) {
            return ApplicationFailure.newFailure(message, e.type());
        }
        return ApplicationFailure.newNonRetryableFailure(message, e.type());
    }
}
