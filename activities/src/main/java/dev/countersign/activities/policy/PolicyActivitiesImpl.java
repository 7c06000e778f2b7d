package dev.countersign.activities.policy;

import dev.countersign.activities.tool.ArgsDigest;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.ToolCall;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy activity: checks the call's arguments against the tool's schema (invalid arguments, and
 * arguments truncated for their size, are denied before any rule is read), then asks the current policy. The tool's own declared tags are
 * added to the call's tags, so rules can read both.
 */
public class PolicyActivitiesImpl implements PolicyActivities {

    private static final Logger log = LoggerFactory.getLogger(PolicyActivitiesImpl.class);

    private final PolicySource policies;
    private final ToolRegistry registry;

    public PolicyActivitiesImpl(PolicySource policies, ToolRegistry registry) {
        this.policies = policies;
        this.registry = registry;
    }

    @Override
    public PolicyVerdict evaluatePolicy(PolicyRequest request) {
        Policy policy = policies.current();
        ToolCall call = request.call();
        Map<String, Object> normalized = call.args();
        List<String> violations;
        if (PayloadBounds.isTruncated(call.args())) {
            violations = List.of("the arguments were truncated (" + call.args().get("originalBytes")
                    + " bytes); a call runs only with arguments seen whole");
        } else if (request.agentRuns() && registry.find(call.tool()).isEmpty()) {
            violations = List.of(); // the agent's own tool: judged by its name, no schema here to check
        } else {
            try {
                normalized = registry.normalized(call.tool(), call.args());
                violations = registry.violations(call.tool(), normalized);
            } catch (IllegalArgumentException unreadable) {
                violations = List.of(unreadable.getMessage());
            }
        }
        boolean changed = !normalized.equals(call.args());
        ToolCall judged = changed ? call.withArgs(normalized) : call;
        PolicyVerdict verdict = violations.isEmpty()
                ? policy.evaluate(
                        withToolTags(request, judged),
                        registry.find(call.tool()).map(Tool::annotations).orElse(Map.of()))
                : new PolicyVerdict(
                        Outcome.DENY,
                        null,
                        policy.hash(),
                        "invalid arguments: " + String.join("; ", violations),
                        List.of(),
                        ArgsDigest.of(judged.tool(), judged.args()),
                        true);
        log.debug(
                "policy verdict {} for task {} tool {} by rule {} (policy {})",
                verdict.outcome(),
                request.taskId(),
                call.tool(),
                verdict.rule(),
                verdict.policyHash());
        PolicyVerdict judgedVerdict = changed ? verdict.judging(normalized) : verdict;
        boolean local = registry.find(call.tool()).map(Tool::runsLocally).orElse(false);
        return local ? judgedVerdict.runningLocally(true) : judgedVerdict;
    }

    private PolicyRequest withToolTags(PolicyRequest request, ToolCall call) {
        Set<String> tags = new LinkedHashSet<>(call.tags());
        registry.find(call.tool()).map(Tool::tags).ifPresent(tags::addAll);
        ToolCall tagged =
                new ToolCall(call.tool(), call.args(), call.rationale(), call.confidence(), List.copyOf(tags));
        return new PolicyRequest(
                request.taskId(),
                request.agent(),
                request.requester(),
                request.input(),
                tagged,
                request.actionId(),
                request.agentRuns());
    }
}
