package dev.countersign.activities.policy.yaml;

import dev.countersign.activities.policy.CompiledGuard;
import dev.countersign.activities.policy.CompiledRule;
import dev.countersign.activities.policy.PolicyGuard;
import dev.countersign.activities.policy.PolicyRule;
import dev.countersign.activities.policy.cel.Condition;
import dev.countersign.activities.policy.cel.ConditionCompiler;
import dev.countersign.activities.policy.cel.InvalidConditionException;
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
import java.util.function.Function;
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
 * was found on, and collects all problems instead of stopping at the first. Rules and guards go
 * through the same steps (name, tools, condition, reason, tiers and on-timeout); only what their
 * outcome may be differs. One instance per parse.
 */
public final class PolicyParser {

    static final int SUPPORTED_VERSION = 1;

    private static final List<String> TOP_KEYS = List.of("version", "default", "guards", "rules");
    private static final List<String> REVIEW_KEYS = List.of("window", "sample");

    private static final Map<String, Outcome> DEFAULT_OUTCOMES = Map.of("deny", Outcome.DENY, "auto", Outcome.AUTO);
    private static final Map<String, Outcome> RULE_OUTCOMES =
            Map.of("auto", Outcome.AUTO, "approve", Outcome.APPROVE, "deny", Outcome.DENY);
    private static final Map<String, PolicyGuard.Action> GUARD_OUTCOMES =
            Map.of("approve", PolicyGuard.Action.APPROVE, "deny", PolicyGuard.Action.DENY);

    private static final String APPROVE_NEEDS_TIERS =
            "outcome approve needs 'tiers': who approves and how many approvals are needed";
    private static final String NEVER_AUTO_NEEDS_TIERS =
            "never-auto needs 'tiers': who approves the calls it keeps from running on their own";

    /**
     * What one parse found: the compiled guards and rules (those without problems), every tier read
     * with its place, and the problems and warnings in line order. Problems mean the policy does not load.
     */
    public record Result(
            Outcome defaultOutcome,
            List<CompiledGuard> guards,
            List<CompiledRule> rules,
            List<TierSite> tiers,
            List<PolicyFinding> problems,
            List<PolicyFinding> warnings) {}

    /** The two kinds of list item: the word messages name them by, their list, their keys. */
    private enum Kind {
        RULE(
                "rule",
                "rules",
                List.of("name", "tool", "when", "outcome", "reason", "tiers", "on-timeout", "review", "shadow"),
                "a rule must be a mapping with name, tool and outcome"),
        GUARD(
                "guard",
                "guards",
                List.of("name", "tool", "when", "outcome", "never-auto", "reason", "tiers", "on-timeout"),
                "a guard must be a mapping with name, when, and outcome or never-auto");

        private final String word;
        private final String list;
        private final List<String> keys;
        private final String notAMapping;

        Kind(String word, String list, List<String> keys, String notAMapping) {
            this.word = word;
            this.list = list;
            this.keys = keys;
            this.notAMapping = notAMapping;
        }
    }

    /** One rule or guard being read: its mapping, how messages name it, its entries by key. */
    private record Item(
            Kind kind, MappingNode mapping, String where, Map<String, NodeTuple> entries, int problemsBefore) {

        NodeTuple get(String key) {
            return entries.get(key);
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }
    }

    /**
     * What an item's outcome says about 'tiers' and 'on-timeout': needed ({@code missing} says what
     * to write when they are absent), refused ({@code onlyWith} says what they go with), or neither
     * when the outcome itself had a problem.
     */
    private record TierDemand(String missing, String onlyWith) {

        static final TierDemand UNKNOWN = new TierDemand(null, null);

        static TierDemand needs(String missing) {
            return new TierDemand(missing, null);
        }

        static TierDemand refuses(String onlyWith) {
            return new TierDemand(null, onlyWith);
        }
    }

    /** Who approves, in escalation order, and what happens when the last tier's SLA passes. */
    private record Approval(List<ApprovalTier> tiers, TimeoutOutcome onTimeout) {

        static final Approval NONE = new Approval(List.of(), null);
    }

    private final Set<String> knownTools;
    private final NodeReader reader = new NodeReader();
    private final TiersReader tiersReader = new TiersReader(reader);
    private final Map<String, String> holderByName = new HashMap<>();

    /** {@code knownTools} null means tool names are not checked. */
    public PolicyParser(Set<String> knownTools) {
        this.knownTools = knownTools;
    }

    /** Parses one policy text; call once per instance. */
    public Result parse(String yaml) {
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
        NodeTuple guardList = entries.get("guards");
        List<CompiledGuard> guards = guardList == null ? List.of() : items(guardList, Kind.GUARD, this::guard);
        NodeTuple ruleList = entries.get("rules");
        if (ruleList == null) {
            reader.problem(root, "", "missing 'rules' (write 'rules: []' for a policy that only has a default)");
            return result(defaultOutcome, guards, List.of());
        }
        List<CompiledRule> rules = items(ruleList, Kind.RULE, this::rule);
        warnAboutUnreachableRules(rules);
        return result(defaultOutcome, guards, rules);
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
        Outcome outcome = reader.oneOf(
                entry,
                "",
                DEFAULT_OUTCOMES,
                text -> "'default' must be deny or auto, was '" + text
                        + "' (for approval by default, end the rules with one for tool \"*\")");
        return outcome == null ? Outcome.DENY : outcome;
    }

    /** The items of a list such as 'rules', each read by {@code read}; one with problems is left out. */
    private <T> List<T> items(NodeTuple list, Kind kind, Function<Item, T> read) {
        if (!(list.getValueNode() instanceof SequenceNode sequence)) {
            reader.problem(list.getValueNode(), "", "'" + kind.list + "' must be a list of " + kind.list);
            return List.of();
        }
        List<T> items = new ArrayList<>();
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            Item item = item(nodes.get(i), kind, i + 1);
            T value = item == null ? null : read.apply(item);
            if (value != null) {
                items.add(value);
            }
        }
        return items;
    }

    /** The item's entries, after refusing unknown keys; null after reporting that it is not a mapping. */
    private Item item(Node node, Kind kind, int index) {
        int problemsBefore = reader.problemCount();
        if (!(node instanceof MappingNode mapping)) {
            reader.problem(node, kind.word + " #" + index, kind.notAMapping);
            return null;
        }
        String where = NodeReader.label(kind.word, mapping, index);
        return new Item(kind, mapping, where, reader.entries(mapping, kind.keys, where), problemsBefore);
    }

    private boolean hasProblems(Item item) {
        return reader.problemCount() > item.problemsBefore();
    }

    private CompiledRule rule(Item item) {
        String where = item.where();
        String name = name(item);
        List<String> tools = required(item, "tool") ? tools(item.get("tool"), where) : null;
        Outcome outcome = required(item, "outcome")
                ? reader.oneOf(
                        item.get("outcome"),
                        where,
                        RULE_OUTCOMES,
                        text -> "'outcome' must be auto, approve or deny, was '" + text + "'")
                : null;
        Condition condition = item.has("when") ? condition(item, name) : null;
        String reason = reason(item);
        Approval approval = approval(item, tierDemand(outcome));
        boolean shadow = item.has("shadow") && Boolean.TRUE.equals(reader.flag(item.get("shadow"), where));
        ReviewPlan review = item.has("review") ? review(item.get("review"), outcome, shadow, where) : null;

        if (hasProblems(item)) {
            return null;
        }
        PolicyRule rule = new PolicyRule(
                name,
                tools,
                condition == null ? null : condition.expression(),
                outcome,
                reason,
                approval.tiers(),
                approval.onTimeout(),
                NodeReader.line(item.mapping()),
                review,
                shadow);
        return new CompiledRule(rule, condition);
    }

    private CompiledGuard guard(Item item) {
        String name = name(item);
        List<String> tools = item.has("tool") ? tools(item.get("tool"), item.where()) : List.of(PolicyRule.ANY_TOOL);
        Condition condition = null;
        if (item.has("when")) {
            condition = condition(item, name);
        } else {
            reader.problem(
                    item.mapping(),
                    item.where(),
                    "missing 'when': a guard applies where its condition holds"
                            + " (to judge every call of a tool, write a rule)");
        }
        PolicyGuard.Action action = action(item);
        String reason = reason(item);
        Approval approval = approval(item, tierDemand(action));

        if (hasProblems(item)) {
            return null;
        }
        PolicyGuard guard = new PolicyGuard(
                name,
                tools,
                condition.expression(),
                action,
                reason,
                approval.tiers(),
                approval.onTimeout(),
                NodeReader.line(item.mapping()));
        return new CompiledGuard(guard, condition);
    }

    private static TierDemand tierDemand(Outcome outcome) {
        if (outcome == null) {
            return TierDemand.UNKNOWN;
        }
        return outcome == Outcome.APPROVE
                ? TierDemand.needs(APPROVE_NEEDS_TIERS)
                : TierDemand.refuses(
                        "outcome approve, this rule's is " + outcome.name().toLowerCase(Locale.ROOT));
    }

    private static TierDemand tierDemand(PolicyGuard.Action action) {
        if (action == null) {
            return TierDemand.UNKNOWN;
        }
        return switch (action) {
            case APPROVE -> TierDemand.needs(APPROVE_NEEDS_TIERS);
            case NEVER_AUTO -> TierDemand.needs(NEVER_AUTO_NEEDS_TIERS);
            case DENY -> TierDemand.refuses("outcome approve or never-auto, this guard denies");
        };
    }

    /** The rule's or guard's name, unique among all rules and guards, since verdicts name them. */
    private String name(Item item) {
        if (!required(item, "name")) {
            return null;
        }
        NodeTuple entry = item.get("name");
        String name = reader.text(entry, item.where());
        String kind = item.kind().word;
        if (name != null) {
            String holder =
                    holderByName.putIfAbsent(name, "the " + kind + " at line " + NodeReader.line(item.mapping()));
            if (holder != null) {
                reader.problem(
                        entry.getValueNode(),
                        item.where(),
                        "duplicate " + kind + " name '" + name + "': " + holder + " has it too");
            }
        }
        return name;
    }

    private boolean required(Item item, String key) {
        return reader.required(item.entries(), key, item.mapping(), item.where());
    }

    private String reason(Item item) {
        return item.has("reason") ? reader.text(item.get("reason"), item.where()) : null;
    }

    private Condition condition(Item item, String ownerName) {
        NodeTuple entry = item.get("when");
        String expression = reader.text(entry, item.where());
        if (expression == null) {
            return null;
        }
        try {
            return ConditionCompiler.compile(expression, ownerName == null ? "when" : ownerName);
        } catch (InvalidConditionException e) {
            Node value = entry.getValueNode();
            int line = NodeReader.line(value) + e.line() - 1 + (NodeReader.isBlockScalar(value) ? 1 : 0);
            reader.problem(line, item.where(), "'when' is not a valid condition: " + e.getMessage());
            return null;
        }
    }

    /** The item's 'tiers' and 'on-timeout', which go only with an outcome that asks for review. */
    private Approval approval(Item item, TierDemand demand) {
        NodeTuple tiersEntry = item.get("tiers");
        NodeTuple onTimeoutEntry = item.get("on-timeout");
        String where = item.where();
        if (demand.onlyWith() != null) {
            if (tiersEntry != null) {
                reader.problem(tiersEntry.getKeyNode(), where, "'tiers' only go with " + demand.onlyWith());
            }
            if (onTimeoutEntry != null) {
                reader.problem(onTimeoutEntry.getKeyNode(), where, "'on-timeout' only goes with " + demand.onlyWith());
            }
            return Approval.NONE;
        }
        if (demand.missing() == null) {
            return Approval.NONE;
        }
        List<ApprovalTier> tiers = List.of();
        if (tiersEntry == null) {
            reader.problem(item.mapping(), where, demand.missing());
        } else {
            tiers = tiersReader.tiers(tiersEntry, where);
        }
        if (onTimeoutEntry == null) {
            return new Approval(tiers, null);
        }
        TimeoutOutcome onTimeout = tiersReader.onTimeout(onTimeoutEntry, where);
        tiersReader.warnIfTimeoutNeverApplies(onTimeoutEntry, tiers, where);
        return new Approval(tiers, onTimeout);
    }

    private PolicyGuard.Action action(Item item) {
        String where = item.where();
        NodeTuple outcome = item.get("outcome");
        NodeTuple neverAuto = item.get("never-auto");
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
                    item.mapping(),
                    where,
                    "missing 'outcome': a guard needs outcome approve or deny, or never-auto: true");
            return null;
        }
        return reader.oneOf(outcome, where, GUARD_OUTCOMES, text -> {
            String hint = text.equalsIgnoreCase("auto")
                    ? " (a guard can only add review or deny; rules decide what runs on its own)"
                    : "";
            return "a guard's 'outcome' must be approve or deny, was '" + text + "'" + hint;
        });
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
