package dev.countersign.task;

import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.activity.Activity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tools that remember every invocation they received and, like the real ledger, apply each
 * idempotency key once; {@link #sideEffects} is what a customer would see.
 */
class RecordingTools implements ToolActivities {

    final List<ToolInvocation> invocations = new CopyOnWriteArrayList<>();
    /** The invocations that came as local activities. */
    final List<ToolInvocation> localInvocations = new CopyOnWriteArrayList<>();

    final Map<String, ToolInvocation> sideEffects = new ConcurrentHashMap<>();
    /** What a tool returns instead of the usual {@code {ok, key}}, by tool name. */
    final Map<String, Map<String, Object>> outputs = new ConcurrentHashMap<>();
    /** Tools that fail, without retries, with this message. */
    final Map<String, String> failWith = new ConcurrentHashMap<>();
    /**
     * Tools that are not idempotent and whose first attempt takes effect and then dies unexpectedly;
     * a later attempt refuses to run them, as the tool activity does, with {@code OUTCOME_UNKNOWN}.
     */
    final Set<String> diesMidCall = ConcurrentHashMap.newKeySet();
    /**
     * Tools that are not idempotent and whose first attempt takes effect and then hangs without a
     * heartbeat, as on a worker that died, until {@link #releaseHung} (or 20 s).
     */
    final Set<String> hangsMidCall = ConcurrentHashMap.newKeySet();

    final CountDownLatch releaseHung = new CountDownLatch(1);

    @Override
    public ToolResult executeTool(ToolInvocation invocation) {
        invocations.add(invocation);
        if (Activity.getExecutionContext().getInfo().isLocal()) {
            localInvocations.add(invocation);
        }
        String failure = failWith.get(invocation.tool());
        if (failure != null) {
            throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(failure, "ToolBroke");
        }
        if (diesMidCall.contains(invocation.tool()) || hangsMidCall.contains(invocation.tool())) {
            if (Activity.getExecutionContext().getInfo().getAttempt() > 1) {
                throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
                        "an earlier attempt may have reached " + invocation.tool(), ToolActivities.OUTCOME_UNKNOWN);
            }
            sideEffects.putIfAbsent(invocation.idempotencyKey(), invocation);
            if (hangsMidCall.contains(invocation.tool())) {
                await(releaseHung);
            }
            throw new IllegalStateException("the worker died mid-call");
        }
        sideEffects.putIfAbsent(invocation.idempotencyKey(), invocation);
        Map<String, Object> output = outputs.get(invocation.tool());
        return new ToolResult(
                output != null ? output : Map.of("ok", true, "key", invocation.idempotencyKey()),
                compensationOf(invocation.tool()));
    }

    final List<CompensationRequest> compensationAttempts = new CopyOnWriteArrayList<>();
    final Map<String, CompensationRequest> undone = new ConcurrentHashMap<>();
    final List<String> undoneInOrder = new CopyOnWriteArrayList<>();
    /** While set, every compensation fails with a retryable error. */
    final AtomicBoolean compensationsFail = new AtomicBoolean();

    /** When set, compensations wait for it: a slow compensating action. */
    volatile CountDownLatch holdCompensations;

    @Override
    public ToolResult compensate(CompensationRequest request) {
        compensationAttempts.add(request);
        awaitRelease();
        if (compensationsFail.get()) {
            throw new IllegalStateException("the payment provider is down");
        }
        if (undone.putIfAbsent(request.idempotencyKey(), request) == null) {
            undoneInOrder.add(request.actionId());
        }
        return new ToolResult(Map.of("undone", request.actionId(), "by", request.compensation()));
    }

    private void awaitRelease() {
        await(holdCompensations);
    }

    private static void await(CountDownLatch hold) {
        try {
            if (hold != null && !hold.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the call");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String compensationOf(String tool) {
        return switch (tool) {
            case "issue_refund" -> "reverse_refund";
            case "send_email" -> "send_correction";
            default -> null;
        };
    }

    List<ToolInvocation> effectsOf(String tool) {
        return sideEffects.values().stream().filter(i -> i.tool().equals(tool)).toList();
    }

    long executionsOf(String tool) {
        return invocations.stream().filter(i -> i.tool().equals(tool)).count();
    }
}
