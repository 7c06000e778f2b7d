package dev.countersign.service.gateway;

import dev.countersign.agent.ToolCall;
import dev.countersign.approval.ApprovalId;
import dev.countersign.client.CountersignException;
import dev.countersign.client.SubmittedCalls;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.CollectRequest;
import dev.countersign.task.DecisionRecord;
import dev.countersign.task.DecisionRecordKind;
import dev.countersign.task.SubmittedCall;
import dev.countersign.task.SubmittedCallReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call the policy holds for reviewers, through its gate: an identical call (same requester, tool and
 * argument digest) attaches to the open gate, whichever replica it reaches; a new one is submitted to
 * the caller's task on Temporal. The call then stays open up to {@code countersign.gateway.wait}: an
 * approval is collected at once (the task runs the call upstream, once, with exactly the approved
 * arguments), a refusal is told with its reason, and a call still waiting is answered "pending" with
 * the way to collect it. An outcome is handed back again to identical calls for the replay window after
 * it was first handed back; an approval nobody collected within the consent lifetime expires and the
 * next identical call asks again.
 */
final class GatedCalls {

    private static final Logger log = LoggerFactory.getLogger(GatedCalls.class);
    /** New gates tried for one call: after an expired or vanished one, the next is asked afresh. */
    private static final int ATTEMPTS = 3;

    private final GateIndex gates;
    private final SubmittedCalls tasks;
    private final GatewayProperties properties;
    private final Clock clock;

    GatedCalls(GateIndex gates, SubmittedCalls tasks, GatewayProperties properties, Clock clock) {
        this.gates = gates;
        this.tasks = tasks;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where the call stands when the caller gets its answer. */
    record Outcome(ActionView action, String taskId, String detail) {}

    /**
     * Takes the call through its gate and waits; {@code waiting} hears the action while it waits. An
     * empty action means the call was refused before any task held it ({@code detail} says why).
     */
    Outcome call(GatewayCaller caller, ToolCall call, PolicyVerdict verdict, Consumer<ActionView> waiting) {
        Instant deadline = clock.instant().plus(properties.callWait());
        for (int attempt = 1; ; attempt++) {
            Gate gate = gates.openOrAttach(
                    caller.requester(), call.tool(), verdict.argsDigest(), caller.taskId(), clock.instant());
            if (replayWindowPassed(gate)) {
                gates.close(gate);
                continue;
            }
            if (gate.actionId() == null) {
                try {
                    gate = submit(caller, call, gate);
                } catch (IllegalArgumentException | CountersignException refused) {
                    gates.close(gate);
                    return new Outcome(null, gate.taskId(), refused.getMessage());
                }
            }
            Optional<ActionView> seen = await(gate, deadline, waiting);
            boolean stale = seen.isEmpty() || seen.get().state() == ActionState.EXPIRED;
            if (stale && attempt < ATTEMPTS) {
                log.info(
                        "gate {} of {} ({} in task {}) {}; asking again",
                        gate.gateId(),
                        call.tool(),
                        gate.actionId(),
                        gate.taskId(),
                        seen.isEmpty() ? "is no longer held by its task" : "expired");
                gates.close(gate);
                continue;
            }
            if (seen.isPresent() && answered(seen.get().state())) {
                gates.collected(gate, clock.instant());
            }
            return new Outcome(seen.orElse(null), gate.taskId(), seen.isEmpty() ? "its task is gone" : null);
        }
    }

    private boolean replayWindowPassed(Gate gate) {
        return gate.collectedAt() != null
                && !clock.instant().isBefore(gate.collectedAt().plus(properties.replayWindow()));
    }

    private Gate submit(GatewayCaller caller, ToolCall call, Gate gate) {
        // To the gate's task, which is the caller's own only when the caller opened the gate: an identical
        // call that attached before the opener's submission was recorded submits to the same task under the
        // same update id, so the call is held once, not once more in each attached caller's task.
        SubmittedCallReceipt receipt = tasks.submit(
                caller.taskStart(gate.taskId(), properties.taskIdle()),
                new SubmittedCall(gate.gateId(), caller.requester(), call, properties.consentTtl()));
        gates.submitted(gate, receipt.actionId());
        return gate.withActionId(receipt.actionId());
    }

    /** Waits until the call's outcome is known or the deadline, collecting an approved call on the way. */
    private Optional<ActionView> await(Gate gate, Instant deadline, Consumer<ActionView> waiting) {
        Optional<ActionView> seen = tasks.await(
                gate.taskId(),
                gate.actionId(),
                action -> action.state() != ActionState.PENDING,
                left(deadline),
                waiting);
        if (seen.isEmpty() || seen.get().state() != ActionState.AWAITING_COLLECTION) {
            return seen;
        }
        try {
            tasks.collect(gate.taskId(), new CollectRequest(gate.actionId(), gate.requester()));
        } catch (CountersignException gone) {
            return Optional.empty();
        }
        // The task runs the call upstream now; its outcome is worth waiting for beyond the deadline.
        Duration running = left(deadline).plus(Duration.ofSeconds(SubmittedCalls.LONG_POLL_SECONDS));
        return tasks.await(
                gate.taskId(),
                gate.actionId(),
                action -> action.state() != ActionState.AWAITING_COLLECTION,
                running,
                waiting);
    }

    private Duration left(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the caller now has the call's outcome, which identical calls get again for the replay window. */
    private static boolean answered(ActionState state) {
        return switch (state) {
            case PENDING, AWAITING_COLLECTION, OUTCOME_UNKNOWN, EXPIRED -> false;
            default -> true;
        };
    }

    // --- what the caller reads

    /** The approval's id and the console page where reviewers decide it. */
    static String approvalLink(GatewayCaller caller, String taskId, String actionId) {
        String approvalId = new ApprovalId(taskId, actionId).toString();
        return "approval " + approvalId + " (" + caller.consoleLink("/approvals/" + approvalId) + ")";
    }

    /** The reviewers' last word on the action: who decided, how, and why. */
    static Optional<DecisionRecord> lastDecision(ActionView action) {
        List<DecisionRecord> decisions = action.decisions();
        return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
    }

    /** The edit a reviewer made before approving, if any: the arguments the call ran with. */
    static Optional<DecisionRecord> edit(ActionView action) {
        return action.decisions().stream()
                .filter(decision -> decision.decision() == DecisionRecordKind.EDIT)
                .reduce((first, second) -> second);
    }
}
