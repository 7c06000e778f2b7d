package dev.countersign.policy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
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
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a policy document through SnakeYAML's node API, so that every problem carries the line it
 * was found on, and collects all problems instead of stopping at the first. One instance per parse.
 */
final class PolicyParser {

    static final int SUPPORTED_VERSION = 1;

    private static final List<String> TOP_KEYS = List.of("version", "default", "rules");
    private static final List<String> RULE_KEYS = List.of("name", "tool", "when", "outcome", "reason", "tiers");
    private static final List<String> TIER_KEYS = List.of("name", "groups", "approvals");
    private static final Map<String, String> NOT_YET_SUPPORTED = Map.of(
            "sla", "'sla' is not supported yet: approval tiers have no deadline in this version; remove it",
            "on-timeout",
                    "'on-timeout' is not supported yet: approval tiers have no deadline in this version; remove it");

    record Result(Outcome defaultOutcome, List<CompiledRule> rules, List<String> problems, List<String> warnings) {}

    private final Set<String> knownTools;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** {@code knownTools} null means tool names are not checked. */
    PolicyParser(Set<String> knownTools) {
        this.knownTools = knownTools;
    }

    Result parse(String yaml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            problems.add(yamlProblem(e, YamlErrorContext.ruleAt(yaml)));
            return result(Outcome.DENY, List.of());
        } catch (YAMLException e) {
            problems.add("not valid YAML: " + e.getMessage());
            return result(Outcome.DENY, List.of());
        }
        if (root == null) {
            problems.add("the policy is empty; it needs at least 'version: 1' and 'rules'");
            return result(Outcome.DENY, List.of());
        }
        if (!(root instanceof MappingNode mapping)) {
            problem(root, "", "a policy must be a mapping with the keys " + String.join(", ", TOP_KEYS));
            return result(Outcome.DENY, List.of());
        }
        return document(mapping);
    }

    private Result document(MappingNode root) {
        Map<String, NodeTuple> entries = entries(root, TOP_KEYS, "");
        version(entries.get("version"), root);
        Outcome defaultOutcome = defaultOutcome(entries.get("default"));
        NodeTuple rules = entries.get("rules");
        if (rules == null) {
            problem(root, "", "missing 'rules' (write 'rules: []' for a policy that only has a default)");
            return result(defaultOutcome, List.of());
        }
        if (!(rules.getValueNode() instanceof SequenceNode sequence)) {
            problem(rules.getValueNode(), "", "'rules' must be a list of rules");
            return result(defaultOutcome, List.of());
        }
        List<CompiledRule> compiled = new ArrayList<>();
        Map<String, Integer> lineByName = new HashMap<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            CompiledRule rule = rule(items.get(i), i + 1, lineByName);
            if (rule != null) {
                compiled.add(rule);
            }
        }
        warnAboutUnreachableRules(compiled);
        return result(defaultOutcome, compiled);
    }

    private Result result(Outcome defaultOutcome, List<CompiledRule> rules) {
        return new Result(defaultOutcome, rules, problems, warnings);
    }

    private void version(NodeTuple entry, MappingNode root) {
        if (entry == null) {
            problem(root, "", "missing 'version' (write 'version: " + SUPPORTED_VERSION + "')");
            return;
        }
        String text = text(entry, "");
        if (text != null && !text.equals(String.valueOf(SUPPORTED_VERSION))) {
            problem(
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
        String text = text(entry, "");
        if (text == null) {
            return Outcome.DENY;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "deny" -> Outcome.DENY;
            case "auto" -> Outcome.AUTO;
            default -> {
                problem(
                        entry.getValueNode(),
                        "",
                        "'default' must be deny or auto, was '" + text
                                + "' (for approval by default, end the rules with one for tool \"*\")");
                yield Outcome.DENY;
            }
        };
    }

    private CompiledRule rule(Node node, int index, Map<String, Integer> lineByName) {
        int problemsBefore = problems.size();
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "rule #" + index, "a rule must be a mapping with name, tool and outcome");
            return null;
        }
        String declaredName = peekName(mapping);
        String where = declaredName == null ? "rule #" + index : "rule '" + declaredName + "' (#" + index + ")";
        Map<String, NodeTuple> entries = entries(mapping, RULE_KEYS, where);

        String name = required(entries, "name", mapping, where) ? text(entries.get("name"), where) : null;
        if (name != null) {
            Integer earlier = lineByName.putIfAbsent(name, line(mapping));
            if (earlier != null) {
                problem(
                        entries.get("name").getValueNode(),
                        where,
                        "duplicate rule name '" + name + "': the rule at line " + earlier + " has it too");
            }
        }
        List<String> tools = required(entries, "tool", mapping, where) ? tools(entries.get("tool"), where) : null;
        Outcome outcome = required(entries, "outcome", mapping, where) ? outcome(entries.get("outcome"), where) : null;
        Condition condition = entries.containsKey("when") ? condition(entries.get("when"), name, where) : null;
        String reason = entries.containsKey("reason") ? text(entries.get("reason"), where) : null;
        List<ApprovalTier> tiers = tiers(entries.get("tiers"), outcome, mapping, where);

        if (problems.size() > problemsBefore) {
            return null;
        }
        PolicyRule rule = new PolicyRule(
                name, tools, condition == null ? null : condition.expression(), outcome, reason, tiers, line(mapping));
        return new CompiledRule(rule, condition);
    }

    private List<String> tools(NodeTuple entry, String where) {
        List<String> tools = names(entry, where);
        if (tools != null && knownTools != null) {
            for (String tool : tools) {
                if (!tool.equals(PolicyRule.ANY_TOOL) && !knownTools.contains(tool)) {
                    problem(entry.getValueNode(), where, "unknown tool '" + tool + "' (" + knownToolsHint() + ")");
                }
            }
        }
        return tools;
    }

    private Outcome outcome(NodeTuple entry, String where) {
        String text = text(entry, where);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> Outcome.AUTO;
            case "approve" -> Outcome.APPROVE;
            case "deny" -> Outcome.DENY;
            default -> {
                problem(entry.getValueNode(), where, "'outcome' must be auto, approve or deny, was '" + text + "'");
                yield null;
            }
        };
    }

    private Condition condition(NodeTuple entry, String ruleName, String where) {
        String expression = text(entry, where);
        if (expression == null) {
            return null;
        }
        try {
            return ConditionCompiler.compile(expression, ruleName == null ? "when" : ruleName);
        } catch (InvalidConditionException e) {
            Node value = entry.getValueNode();
            int line = line(value) + e.line() - 1 + (isBlockScalar(value) ? 1 : 0);
            problems.add(at(line, where) + "'when' is not a valid condition: " + e.getMessage());
            return null;
        }
    }

    private List<ApprovalTier> tiers(NodeTuple entry, Outcome outcome, MappingNode rule, String where) {
        if (outcome != Outcome.APPROVE) {
            if (entry != null && outcome != null) {
                problem(
                        entry.getKeyNode(),
                        where,
                        "'tiers' only go with outcome approve, this rule's is "
                                + outcome.name().toLowerCase(Locale.ROOT));
            }
            return List.of();
        }
        if (entry == null) {
            problem(rule, where, "outcome approve needs 'tiers': who approves and how many approvals are needed");
            return List.of();
        }
        if (!(entry.getValueNode() instanceof SequenceNode sequence)
                || sequence.getValue().isEmpty()) {
            problem(entry.getValueNode(), where, "'tiers' must be a list with at least one tier");
            return List.of();
        }
        List<ApprovalTier> tiers = new ArrayList<>();
        Set<String> tierNames = new HashSet<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            ApprovalTier tier = tier(items.get(i), where + ", tier #" + (i + 1));
            if (tier != null && !tierNames.add(tier.name())) {
                problem(items.get(i), where + ", tier #" + (i + 1), "two tiers are named '" + tier.name() + "'");
            }
            tiers.add(tier);
        }
        return tiers;
    }

    private ApprovalTier tier(Node node, String where) {
        int problemsBefore = problems.size();
        if (!(node instanceof MappingNode mapping)) {
            problem(node, where, "a tier must be a mapping with groups and approvals");
            return null;
        }
        Map<String, NodeTuple> entries = entries(mapping, TIER_KEYS, where);
        String name = entries.containsKey("name") ? text(entries.get("name"), where) : null;
        List<String> groups = required(entries, "groups", mapping, where) ? names(entries.get("groups"), where) : null;
        int approvals = entries.containsKey("approvals") ? approvals(entries.get("approvals"), where) : 1;
        if (problems.size() > problemsBefore) {
            return null;
        }
        return new ApprovalTier(name, groups, approvals, null);
    }

    private int approvals(NodeTuple entry, String where) {
        String text = text(entry, where);
        if (text == null) {
            return 0;
        }
        int approvals;
        try {
            approvals = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problem(entry.getValueNode(), where, "'approvals' must be a whole number, was '" + text + "'");
            return 0;
        }
        if (approvals < 1) {
            problem(entry.getValueNode(), where, "'approvals' must be at least 1, was " + approvals);
        }
        return approvals;
    }

    private void warnAboutUnreachableRules(List<CompiledRule> rules) {
        Map<String, PolicyRule> catchAll = new HashMap<>();
        for (CompiledRule compiled : rules) {
            PolicyRule rule = compiled.rule();
            PolicyRule shadow = catchAll.get(PolicyRule.ANY_TOOL);
            if (shadow == null && rule.tools().stream().allMatch(catchAll::containsKey)) {
                shadow = catchAll.get(rule.tools().get(0));
            }
            if (shadow != null) {
                warnings.add(at(rule.line(), "rule '" + rule.name() + "'") + "can never match: rule '" + shadow.name()
                        + "' at line " + shadow.line() + " already matches every call to its tools");
            }
            if (rule.unconditional()) {
                rule.tools().forEach(tool -> catchAll.putIfAbsent(tool, rule));
            }
        }
    }

    private Map<String, NodeTuple> entries(MappingNode mapping, List<String> allowed, String where) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(tuple.getKeyNode(), where, "keys must be plain words such as " + allowed.get(0));
                continue;
            }
            String key = keyNode.getValue();
            if (!allowed.contains(key)) {
                problem(keyNode, where, NOT_YET_SUPPORTED.getOrDefault(key, unknownKey(key, allowed)));
            } else if (entries.putIfAbsent(key, tuple) != null) {
                problem(keyNode, where, "'" + key + "' appears twice");
            }
        }
        return entries;
    }

    private static String unknownKey(String key, List<String> allowed) {
        return "unknown key '" + key + "' (expected " + String.join(", ", allowed) + ")";
    }

    private boolean required(Map<String, NodeTuple> entries, String key, MappingNode mapping, String where) {
        if (entries.containsKey(key)) {
            return true;
        }
        problem(mapping, where, "missing '" + key + "'");
        return false;
    }

    private static boolean isKey(NodeTuple tuple, String key) {
        return tuple.getKeyNode() instanceof ScalarNode scalar
                && scalar.getValue().equals(key);
    }

    private static String peekName(MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (isKey(tuple, "name")
                    && tuple.getValueNode() instanceof ScalarNode value
                    && !value.getTag().equals(Tag.NULL)
                    && !value.getValue().isBlank()) {
                return value.getValue().strip();
            }
        }
        return null;
    }

    /** A non-empty scalar's text, or null after reporting why there is none. */
    private String text(NodeTuple entry, String where) {
        String key = ((ScalarNode) entry.getKeyNode()).getValue();
        if (!(entry.getValueNode() instanceof ScalarNode scalar)) {
            problem(
                    entry.getValueNode(),
                    where,
                    "'" + key + "' must be a single value, not a " + kind(entry.getValueNode()));
            return null;
        }
        if (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
            problem(entry.getKeyNode(), where, "'" + key + "' is empty");
            return null;
        }
        return scalar.getValue().strip();
    }

    /** A name or a list of names, as {@code tool} and {@code groups} take. */
    private List<String> names(NodeTuple entry, String where) {
        String key = ((ScalarNode) entry.getKeyNode()).getValue();
        Node value = entry.getValueNode();
        if (value instanceof ScalarNode) {
            String single = text(entry, where);
            return single == null ? null : List.of(single);
        }
        if (!(value instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(value, where, "'" + key + "' must be a name or a non-empty list of names");
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar
                    && !scalar.getTag().equals(Tag.NULL)
                    && !scalar.getValue().isBlank()) {
                names.add(scalar.getValue().strip());
            } else {
                problem(item, where, "each entry of '" + key + "' must be a name");
                return null;
            }
        }
        return names;
    }

    private static String kind(Node node) {
        return switch (node.getNodeId()) {
            case mapping -> "mapping";
            case sequence -> "list";
            default -> "scalar";
        };
    }

    private static boolean isBlockScalar(Node node) {
        return node instanceof ScalarNode scalar
                && (scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED);
    }

    private String knownToolsHint() {
        return knownTools.isEmpty()
                ? "no tools are registered"
                : "known tools: "
                        + String.join(", ", knownTools.stream().sorted().toList());
    }

    private void problem(Node node, String where, String message) {
        problems.add(at(line(node), where) + message);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static String at(int line, String where) {
        return "line " + line + (where.isEmpty() ? "" : ", " + where) + ": ";
    }

    private static String yamlProblem(MarkedYAMLException e, String rule) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String context = e.getContext() == null ? "" : ", " + e.getContext().strip();
        if (mark == null) {
            return (rule.isEmpty() ? "" : rule + ": ") + "not valid YAML: " + e.getProblem() + context;
        }
        return at(mark.getLine() + 1, rule) + "not valid YAML: " + e.getProblem() + " (column " + (mark.getColumn() + 1)
                + context + ")";
    }
}
