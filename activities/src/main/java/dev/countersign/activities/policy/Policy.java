package dev.countersign.activities.policy;

import dev.countersign.activities.policy.cel.ConditionFailure;
import dev.countersign.activities.policy.cel.ConditionVariables;
import dev.countersign.activities.tool.ArgsDigest;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.ReviewPlan;
import dev.countersign.policy.ShadowVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded, compiled policy: its guards and rules in file order, the default outcome, and the
 * SHA-256 of the text it was read from. Immutable; {@link #evaluate} may be called from many
 * threads. Build one with {@link dev.countersign.activities.policy.yaml.PolicyLoader}.
 */
public final class Policy {

    private static final Logger log = LoggerFactory.getLogger(Policy.class);

    private final String source;
    private final String hash;
    private final Outcome defaultOutcome;
    private final List<CompiledGuard> guards;
    private final List<CompiledRule> rules;
    private final List<String> warnings;

    /**
     * A policy of already compiled guards and rules, as the loader builds it; {@code warnings} are those
     * the loader found.
     */
    public Policy(
            String source,
            String hash,
            Outcome defaultOutcome,
            List<CompiledGuard> guards,
            List<CompiledRule> rules,
            List<String> warnings) {
        if (defaultOutcome == Outcome.APPROVE) {
            throw new IllegalArgumentException("the default outcome must be auto or deny");
        }
        this.source = source;
        this.hash = hash;
        this.defaultOutcome = defaultOutcome;
        this.guards = List.copyOf(guards);
        this.rules = List.copyOf(rules);
        this.warnings = List.copyOf(warnings);
    }

    /** Where the policy was read from, for messages: a file path or a classpath resource. */
    public String source() {
        return source;
    }

    /**
     * SHA-256 (lower-case hex) of the policy file's bytes, or of the text after the loader's text
     * pre-processor when it has one; every verdict records it.
     */
    public String hash() {
        return hash;
    }

    public Outcome defaultOutcome() {
        return defaultOutcome;
    }

    public List<PolicyGuard> guards() {
        return guards.stream().map(CompiledGuard::guard).toList();
    }

    public List<PolicyRule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    /** Things that load but are probably mistakes, such as a rule that can never match. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The verdict on one call: a matching deny guard denies it; otherwise the first rule whose tools
     * include the call's tool and whose condition holds decides (the default when none does), and
     * matching approve and never-auto guards may raise that to APPROVE (see {@link GuardedVerdict}).
     * A condition that fails to evaluate denies the call. The matched rule's review plan is attached
     * (sampled per call), and the first matching shadow rule's verdict is recorded beside. Arguments
     * are not checked against the tool's schema here; {@link PolicyActivitiesImpl} does that first.
     */
    public PolicyVerdict evaluate(PolicyRequest request) {
        return evaluate(request, Map.of());
    }

    /**
     * The verdict on one call whose tool's source states these {@code annotations} (an MCP server's
     * hints), which conditions read as {@code annotations}.
     */
    public PolicyVerdict evaluate(PolicyRequest request, Map<String, Object> annotations) {
        ToolCall call = request.call();
        String argsDigest = ArgsDigest.of(call.tool(), call.args());
        Map<String, Object> variables = ConditionVariables.of(request, annotations);
        ShadowVerdict shadow = shadow(call.tool(), variables);
        List<PolicyGuard> matched = new ArrayList<>();
        for (CompiledGuard compiled : guards) {
            PolicyGuard guard = compiled.guard();
            try {
                if (compiled.matches(call.tool(), variables)) {
                    if (guard.action() == PolicyGuard.Action.DENY) {
                        return guard.denial(hash, argsDigest).with(null, shadow);
                    }
                    matched.add(guard);
                }
            } catch (ConditionFailure e) {
                return conditionFailed("guard", guard.name(), e, argsDigest);
            }
        }
        RuleMatch match = ruled(call.tool(), variables, argsDigest);
        PolicyVerdict verdict = GuardedVerdict.combine(match.verdict(), matched);
        ReviewPlan template = match.rule() == null ? null : match.rule().review();
        ReviewPlan review = template == null || verdict.outcome() == Outcome.DENY
                ? null
                : ReviewSampler.plan(template, request, argsDigest);
        return verdict.with(review, shadow);
    }

    private RuleMatch ruled(String tool, Map<String, Object> variables, String argsDigest) {
        for (CompiledRule compiled : rules) {
            PolicyRule rule = compiled.rule();
            if (rule.shadow()) {
                continue;
            }
            try {
                if (compiled.matches(tool, variables)) {
                    return new RuleMatch(rule.verdict(hash, argsDigest), rule);
                }
            } catch (ConditionFailure e) {
                return new RuleMatch(conditionFailed("rule", rule.name(), e, argsDigest), null);
            }
        }
        return new RuleMatch(defaultVerdict(tool, argsDigest), null);
    }

    /**
     * The verdict of the first shadow rule that matches, or null. A shadow condition that fails to
     * evaluate is logged and skipped: a shadow rule never changes what happens to a call.
     */
    private ShadowVerdict shadow(String tool, Map<String, Object> variables) {
        for (CompiledRule compiled : rules) {
            PolicyRule rule = compiled.rule();
            if (!rule.shadow()) {
                continue;
            }
            try {
                if (compiled.matches(tool, variables)) {
                    return rule.shadowVerdict();
                }
            } catch (ConditionFailure e) {
                log.warn(
                        "shadow rule '{}' of {} could not evaluate its condition, so it is skipped: {}",
                        rule.name(),
                        source,
                        e.getMessage());
            }
        }
        return null;
    }

    /** The enforced rule's verdict and the rule (null for the default or a failed condition). */
    private record RuleMatch(PolicyVerdict verdict, PolicyRule rule) {}

    private PolicyVerdict conditionFailed(String kind, String name, ConditionFailure failure, String argsDigest) {
        log.warn("policy {} '{}' of {} could not evaluate its condition: {}", kind, name, source, failure.getMessage());
        String reason = "policy " + kind + " '" + name + "' could not evaluate its condition, so the call is denied: "
                + failure.getMessage();
        return new PolicyVerdict(Outcome.DENY, name, hash, reason, List.of(), argsDigest, false);
    }

    private PolicyVerdict defaultVerdict(String tool, String argsDigest) {
        String reason = defaultOutcome == Outcome.DENY ? "no policy rule matches tool " + tool : "";
        return new PolicyVerdict(defaultOutcome, null, hash, reason, List.of(), argsDigest, false);
    }

    @Override
    public String toString() {
        return "Policy[" + source + ", sha256 " + hash + ", " + guards.size() + " guards, " + rules.size() + " rules]";
    }
}
