package dev.countersign.activities.policy;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.ReviewPlan;
import dev.countersign.policy.TimeoutOutcome;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a policy document through SnakeYAML's node API, so that every problem carries the line it
 * was found on, and collects all problems instead of stopping at the first. One instance per parse.
 */
final class PolicyParser {

    static final int SUPPORTED_VERSION = 1;

    private static final List<String> TOP_KEYS = List.of("version", "default", "guards", "rules");
    private static final List<String> RULE_KEYS =
            List.of("name", "tool", "when", "outcome", "reason", "tiers", "on-timeout", "review", "shadow");
    private static final List<String> REVIEW_KEYS = List.of("window", "sample");
    private static final List<String> GUARD_KEYS =
            List.of("name", "tool", "when", "outcome", "never-auto", "reason", "tiers", "on-timeout");

    record Result(
            Outcome defaultOutcome,
            List<CompiledGuard> guards,
            List<CompiledRule> rules,
            List<TiersReader.Site> tiers,
            List<PolicyFinding> problems,
            List<PolicyFinding> warnings) {}

    private final Set<String> knownTools;
    private final NodeReader reader = new NodeReader();
    private final TiersReader tiersReader = new TiersReader(reader);
    private final Map<String, String> holderByName = new HashMap<>();

    /** {@code knownTools} null means tool names are not checked. */
    PolicyParser(Set<String> knownTools) {
        this.knownTools = knownTools;
    }

    Result parse(String yaml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            yamlProblem(e, YamlErrorContext.itemAt(yaml));
            return result(Outcome.DENY, List.of(), List.of());
        } catch (YAMLException e) {
            reader.problem(0, "", "not valid YAML: " + e.getMessage());
            return result(Outcome.DENY, List.of(), List.of());
        }
        if (root == null) {
            reader.problem(0, "", "the policy is empty; it needs at least 'version: 1' and 'rules'");
            return result(Outcome.DENY, List.of(), List.of());
        }
        if (!(root instanceof MappingNode mapping)) {
            reader.problem(root, "", "a policy must be a mapping with the keys " + String.join(", ", TOP_KEYS));
            return result(Outcome.DENY, List.of(), List.of());
        }
        return document(mapping);
    }

    private Result document(MappingNode root) {
        Map<String, NodeTuple> entries = reader.entries(root, TOP_KEYS, "");
        version(entries.get("version"), root);
        Outcome defaultOutcome = defaultOutcome(entries.get("default"));
        List<CompiledGuard> guards = guards(entries.get("guards"));
        NodeTuple rules = entries.get("rules");
        if (rules == null) {
            reader.problem(root, "", "missing 'rules' (write 'rules: []' for a policy that only has a default)");
            return result(defaultOutcome, guards, List.of());
        }
        if (!(rules.getValueNode() instanceof SequenceNode sequence)) {
            reader.problem(rules.getValueNode(), "", "'rules' must be a list of rules");
            return result(defaultOutcome, guards, List.of());
        }
        List<CompiledRule> compiled = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            CompiledRule rule = rule(items.get(i), i + 1);
            if (rule != null) {
                compiled.add(rule);
            }
        }
        warnAboutUnreachableRules(compiled);
        return result(defaultOutcome, guards, compiled);
    }

    private Result result(Outcome defaultOutcome, List<CompiledGuard> guards, List<CompiledRule> rules) {
        return new Result(defaultOutcome, guards, rules, tiersReader.sites(), reader.problems(), reader.warnings());
    }

    private void version(NodeTuple entry, MappingNode root) {
        if (entry == null) {
            reader.problem(root, "", "missing 'version' (write 'version: " + SUPPORTED_VERSION + "')");
            return;
        }
        String text = reader.text(entry, "");
        if (text != null && !text.equals(String.valueOf(SUPPORTED_VERSION))) {
            reader.problem(
                    entry.getValueNode(),
                    "",
                    "unsupported 'version' " + text + "; this version of Countersign reads version "
                            + SUPPORTED_VERSION);
        }
    }

    private Outcome defaultOutcome(NodeTuple entry) {
        if (entry == null) {
            return Outcome.DENY;
        }
        String text = reader.text(entry, "");
        if (text == null) {
            return Outcome.DENY;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "deny" -> Outcome.DENY;
            case "auto" -> Outcome.AUTO;
            default -> {
                reader.problem(
                        entry.getValueNode(),
                        "",
                        "'default' must be deny or auto, was '" + text
                                + "' (for approval by default, end the rules with one for tool \"*\")");
                yield Outcome.DENY;
            }
        };
    }

    private List<CompiledGuard> guards(NodeTuple entry) {
        if (entry == null) {
            return List.of();
        }
        if (!(entry.getValueNode() instanceof SequenceNode sequence)) {
            reader.problem(entry.getValueNode(), "", "'guards' must be a list of guards");
            return List.of();
        }
        List<CompiledGuard> guards = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            CompiledGuard guard = guard(items.get(i), i + 1);
            if (guard != null) {
                guards.add(guard);
            }
        }
        return guards;
    }

    private CompiledRule rule(Node node, int index) {
        int problemsBefore = reader.problemCount();
        if (!(node instanceof MappingNode mapping)) {
            reader.problem(node, "rule #" + index, "a rule must be a mapping with name, tool and outcome");
            return null;
        }
        String where = NodeReader.label("rule", mapping, index);
        Map<String, NodeTuple> entries = reader.entries(mapping, RULE_KEYS, where);

        String name = name("rule", entries, mapping, where);
        List<String> tools =
                reader.required(entries, "tool", mapping, where) ? tools(entries.get("tool"), where) : null;
        Outcome outcome =
                reader.required(entries, "outcome", mapping, where) ? outcome(entries.get("outcome"), where) : null;
        Condition condition = entries.containsKey("when") ? condition(entries.get("when"), name, where) : null;
        String reason = entries.containsKey("reason") ? reader.text(entries.get("reason"), where) : null;
        List<ApprovalTier> tiers = ruleTiers(entries.get("tiers"), outcome, mapping, where);
        TimeoutOutcome onTimeout = ruleOnTimeout(entries.get("on-timeout"), outcome, tiers, where);
        boolean shadow =
                entries.containsKey("shadow") && Boolean.TRUE.equals(reader.flag(entries.get("shadow"), where));
        ReviewPlan review =
                entries.containsKey("review") ? review(entries.get("review"), outcome, shadow, where) : null;

        if (reader.problemCount() > problemsBefore) {
            return null;
        }
        PolicyRule rule = new PolicyRule(
                name,
                tools,
                condition == null ? null : condition.expression(),
                outcome,
                reason,
                tiers,
                onTimeout,
                NodeReader.line(mapping),
                review,
                shadow);
        return new CompiledRule(rule, condition);
    }

    /**
     * A rule's {@code review: {window, sample}}; null after reporting a problem, or when the value is
     * empty ({@code review:} alone, as a placeholder that resolves to nothing leaves it), which means
     * no review.
     */
    private ReviewPlan review(NodeTuple entry, Outcome outcome, boolean shadow, String where) {
        if (entry.getValueNode() instanceof ScalarNode scalar
                && scalar.getValue().isBlank()) {
            return null;
        }
        if (shadow) {
            reader.problem(
                    entry.getKeyNode(),
                    where,
                    "a shadow rule runs nothing, so it has nothing to review; remove 'review'");
            return null;
        }
        if (outcome == Outcome.DENY) {
            reader.problem(entry.getKeyNode(), where, "a deny rule runs nothing, so it has nothing to review");
            return null;
        }
        if (!(entry.getValueNode() instanceof MappingNode mapping)) {
            reader.problem(
                    entry.getValueNode(),
                    where,
                    "'review' must be a mapping with 'window' and, for auto rules, 'sample'");
            return null;
        }
        Map<String, NodeTuple> entries = reader.entries(mapping, REVIEW_KEYS, where);
        if (!reader.required(entries, "window", mapping, where)) {
            return null;
        }
        Duration window = reader.positiveDuration(entries.get("window"), where, "the review 'window'", "PT24H or P7D");
        double sample = entries.containsKey("sample") ? sampleRate(entries.get("sample"), where) : 0.0;
        if (entries.containsKey("sample") && outcome == Outcome.APPROVE) {
            reader.warning(
                    entries.get("sample").getKeyNode(),
                    where,
                    "'sample' applies to calls that run on their own; every call this rule approves is reviewed");
        }
        return window == null || Double.isNaN(sample) ? null : new ReviewPlan(window, sample, false);
    }

    /** The sampling rate in [0, 1]; NaN after reporting a problem. */
    private double sampleRate(NodeTuple entry, String where) {
        String text = reader.text(entry, where);
        if (text == null) {
            return Double.NaN;
        }
        String number =
                text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        try {
            double rate = Double.parseDouble(number) / (text.endsWith("%") ? 100.0 : 1.0);
            if (rate >= 0.0 && rate <= 1.0) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted forms
        }
        reader.problem(
                entry.getValueNode(),
                where,
                "the review 'sample' must be a rate from 0 to 1 (such as 0.2) or a percentage (such as 20%), was '"
                        + text + "'");
        return Double.NaN;
    }

    private CompiledGuard guard(Node node, int index) {
        int problemsBefore = reader.problemCount();
        if (!(node instanceof MappingNode mapping)) {
            reader.problem(
                    node, "guard #" + index, "a guard must be a mapping with name, when, and outcome or never-auto");
            return null;
        }
        String where = NodeReader.label("guard", mapping, index);
        Map<String, NodeTuple> entries = reader.entries(mapping, GUARD_KEYS, where);

        String name = name("guard", entries, mapping, where);
        List<String> tools =
                entries.containsKey("tool") ? tools(entries.get("tool"), where) : List.of(PolicyRule.ANY_TOOL);
        Condition condition = null;
        if (entries.containsKey("when")) {
            condition = condition(entries.get("when"), name, where);
        } else {
            reader.problem(
                    mapping,
                    where,
                    "missing 'when': a guard applies where its condition holds"
                            + " (to judge every call of a tool, write a rule)");
        }
        PolicyGuard.Action action = action(entries, mapping, where);
        String reason = entries.containsKey("reason") ? reader.text(entries.get("reason"), where) : null;
        List<ApprovalTier> tiers = guardTiers(entries.get("tiers"), action, mapping, where);
        TimeoutOutcome onTimeout = guardOnTimeout(entries.get("on-timeout"), action, tiers, where);

        if (reader.problemCount() > problemsBefore) {
            return null;
        }
        PolicyGuard guard = new PolicyGuard(
                name, tools, condition.expression(), action, reason, tiers, onTimeout, NodeReader.line(mapping));
        return new CompiledGuard(guard, condition);
    }

    /** The rule's or guard's name, unique among all rules and guards, since verdicts name them. */
    private String name(String kind, Map<String, NodeTuple> entries, MappingNode mapping, String where) {
        if (!reader.required(entries, "name", mapping, where)) {
            return null;
        }
        String name = reader.text(entries.get("name"), where);
        if (name != null) {
            String holder = holderByName.putIfAbsent(name, "the " + kind + " at line " + NodeReader.line(mapping));
            if (holder != null) {
                reader.problem(
                        entries.get("name").getValueNode(),
                        where,
                        "duplicate " + kind + " name '" + name + "': " + holder + " has it too");
            }
        }
        return name;
    }

    private List<String> tools(NodeTuple entry, String where) {
        List<String> tools = reader.names(entry, where);
        if (tools != null && knownTools != null) {
            for (String tool : tools) {
                if (!tool.equals(PolicyRule.ANY_TOOL) && !knownTools.contains(tool)) {
                    reader.problem(
                            entry.getValueNode(), where, "unknown tool '" + tool + "' (" + knownToolsHint() + ")");
                }
            }
        }
        return tools;
    }

    private Outcome outcome(NodeTuple entry, String where) {
        String text = reader.text(entry, where);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> Outcome.AUTO;
            case "approve" -> Outcome.APPROVE;
            case "deny" -> Outcome.DENY;
            default -> {
                reader.problem(
                        entry.getValueNode(), where, "'outcome' must be auto, approve or deny, was '" + text + "'");
                yield null;
            }
        };
    }

    private PolicyGuard.Action action(Map<String, NodeTuple> entries, MappingNode guard, String where) {
        NodeTuple outcome = entries.get("outcome");
        NodeTuple neverAuto = entries.get("never-auto");
        if (outcome != null && neverAuto != null) {
            reader.problem(neverAuto.getKeyNode(), where, "a guard takes 'outcome' or 'never-auto', not both");
            return null;
        }
        if (neverAuto != null) {
            Boolean flag = reader.flag(neverAuto, where);
            if (Boolean.FALSE.equals(flag)) {
                reader.problem(
                        neverAuto.getValueNode(),
                        where,
                        "'never-auto' can only be true; remove the guard to turn it off");
            }
            return Boolean.TRUE.equals(flag) ? PolicyGuard.Action.NEVER_AUTO : null;
        }
        if (outcome == null) {
            reader.problem(
                    guard, where, "missing 'outcome': a guard needs outcome approve or deny, or never-auto: true");
            return null;
        }
        String text = reader.text(outcome, where);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "approve" -> PolicyGuard.Action.APPROVE;
            case "deny" -> PolicyGuard.Action.DENY;
            default -> {
                String hint = text.equalsIgnoreCase("auto")
                        ? " (a guard can only add review or deny; rules decide what runs on its own)"
                        : "";
                reader.problem(
                        outcome.getValueNode(),
                        where,
                        "a guard's 'outcome' must be approve or deny, was '" + text + "'" + hint);
                yield null;
            }
        };
    }

    private Condition condition(NodeTuple entry, String ownerName, String where) {
        String expression = reader.text(entry, where);
        if (expression == null) {
            return null;
        }
        try {
            return ConditionCompiler.compile(expression, ownerName == null ? "when" : ownerName);
        } catch (InvalidConditionException e) {
            Node value = entry.getValueNode();
            int line = NodeReader.line(value) + e.line() - 1 + (NodeReader.isBlockScalar(value) ? 1 : 0);
            reader.problem(line, where, "'when' is not a valid condition: " + e.getMessage());
            return null;
        }
    }

    private List<ApprovalTier> ruleTiers(NodeTuple entry, Outcome outcome, MappingNode rule, String where) {
        if (outcome != Outcome.APPROVE) {
            if (entry != null && outcome != null) {
                reader.problem(
                        entry.getKeyNode(),
                        where,
                        "'tiers' only go with outcome approve, this rule's is " + lowerCase(outcome));
            }
            return List.of();
        }
        if (entry == null) {
            reader.problem(
                    rule, where, "outcome approve needs 'tiers': who approves and how many approvals are needed");
            return List.of();
        }
        return tiersReader.tiers(entry, where);
    }

    private TimeoutOutcome ruleOnTimeout(NodeTuple entry, Outcome outcome, List<ApprovalTier> tiers, String where) {
        if (entry == null || outcome == null) {
            return null;
        }
        if (outcome != Outcome.APPROVE) {
            reader.problem(
                    entry.getKeyNode(),
                    where,
                    "'on-timeout' only goes with outcome approve, this rule's is " + lowerCase(outcome));
            return null;
        }
        TimeoutOutcome onTimeout = tiersReader.onTimeout(entry, where);
        tiersReader.warnIfTimeoutNeverApplies(entry, tiers, where);
        return onTimeout;
    }

    private List<ApprovalTier> guardTiers(NodeTuple entry, PolicyGuard.Action action, MappingNode guard, String where) {
        if (action == null) {
            return List.of();
        }
        if (action == PolicyGuard.Action.DENY) {
            if (entry != null) {
                reader.problem(
                        entry.getKeyNode(),
                        where,
                        "'tiers' only go with outcome approve or never-auto, this guard denies");
            }
            return List.of();
        }
        if (entry == null) {
            reader.problem(
                    guard,
                    where,
                    action == PolicyGuard.Action.NEVER_AUTO
                            ? "never-auto needs 'tiers': who approves the calls it keeps from running on their own"
                            : "outcome approve needs 'tiers': who approves and how many approvals are needed");
            return List.of();
        }
        return tiersReader.tiers(entry, where);
    }

    private TimeoutOutcome guardOnTimeout(
            NodeTuple entry, PolicyGuard.Action action, List<ApprovalTier> tiers, String where) {
        if (entry == null || action == null) {
            return null;
        }
        if (action == PolicyGuard.Action.DENY) {
            reader.problem(
                    entry.getKeyNode(),
                    where,
                    "'on-timeout' only goes with outcome approve or never-auto, this guard denies");
            return null;
        }
        TimeoutOutcome onTimeout = tiersReader.onTimeout(entry, where);
        tiersReader.warnIfTimeoutNeverApplies(entry, tiers, where);
        return onTimeout;
    }

    private void warnAboutUnreachableRules(List<CompiledRule> rules) {
        Map<String, PolicyRule> catchAll = new HashMap<>();
        for (CompiledRule compiled : rules) {
            PolicyRule rule = compiled.rule();
            if (rule.shadow()) {
                continue;
            }
            PolicyRule shadow = catchAll.get(PolicyRule.ANY_TOOL);
            if (shadow == null && rule.tools().stream().allMatch(catchAll::containsKey)) {
                shadow = catchAll.get(rule.tools().get(0));
            }
            if (shadow != null) {
                reader.warning(
                        rule.line(),
                        "rule '" + rule.name() + "'",
                        "can never match: rule '" + shadow.name() + "' at line " + shadow.line()
                                + " already matches every call to its tools");
            }
            if (rule.unconditional()) {
                rule.tools().forEach(tool -> catchAll.putIfAbsent(tool, rule));
            }
        }
    }

    private String knownToolsHint() {
        return knownTools.isEmpty()
                ? "no tools are registered"
                : "known tools: "
                        + String.join(", ", knownTools.stream().sorted().toList());
    }

    private static String lowerCase(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    private void yamlProblem(MarkedYAMLException e, String item) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String context = e.getContext() == null ? "" : ", " + e.getContext().strip();
        if (mark == null) {
            reader.problem(0, item, "not valid YAML: " + e.getProblem() + context);
            return;
        }
        reader.problem(
                mark.getLine() + 1,
                item,
                "not valid YAML: " + e.getProblem() + " (column " + (mark.getColumn() + 1) + context + ")");
    }
}
