package dev.countersign.activities.policy.yaml;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads SnakeYAML nodes for the policy parsers and collects every problem and warning with its line
 * and place ({@code where}, such as {@code rule 'refunds' (#2), tier #1}), so that one parse reports
 * all that needs fixing. One instance per parse.
 */
final class NodeReader {

    /** Keys that a later version will read; refused by name so that nobody thinks they work. */
    private static final Map<String, String> MISPLACED = Map.of(
            "shadow",
            "'shadow' goes on a rule: write the rule whose verdict you want to see, with 'shadow: true',"
                    + " beside the rule that is enforced",
            "review",
            "'review' goes on a rule, the one whose auto or approved calls are reviewed afterwards");

    private static final Map<String, Boolean> FLAGS = Map.of("true", Boolean.TRUE, "false", Boolean.FALSE);

    private final List<PolicyFinding> problems = new ArrayList<>();
    private final List<PolicyFinding> warnings = new ArrayList<>();

    /** The problems in line order (those without a line first). */
    List<PolicyFinding> problems() {
        return inLineOrder(problems);
    }

    List<PolicyFinding> warnings() {
        return inLineOrder(warnings);
    }

    int problemCount() {
        return problems.size();
    }

    void problem(Node node, String where, String message) {
        problem(line(node), where, message);
    }

    void problem(int line, String where, String message) {
        problems.add(new PolicyFinding(PolicyFinding.Severity.ERROR, line, where, message));
    }

    void warning(Node node, String where, String message) {
        warning(line(node), where, message);
    }

    void warning(int line, String where, String message) {
        warnings.add(new PolicyFinding(PolicyFinding.Severity.WARNING, line, where, message));
    }

    /** The mapping's entries by key, after refusing unknown, unsupported and repeated keys. */
    Map<String, NodeTuple> entries(MappingNode mapping, List<String> allowed, String where) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(tuple.getKeyNode(), where, "keys must be plain words such as " + allowed.get(0));
                continue;
            }
            String key = keyNode.getValue();
            if (!allowed.contains(key)) {
                problem(keyNode, where, MISPLACED.getOrDefault(key, unknownKey(key, allowed)));
            } else if (entries.putIfAbsent(key, tuple) != null) {
                problem(keyNode, where, "'" + key + "' appears twice");
            }
        }
        return entries;
    }

    private static String unknownKey(String key, List<String> allowed) {
        return "unknown key '" + key + "' (expected " + String.join(", ", allowed) + ")";
    }

    boolean required(Map<String, NodeTuple> entries, String key, MappingNode mapping, String where) {
        if (entries.containsKey(key)) {
            return true;
        }
        problem(mapping, where, "missing '" + key + "'");
        return false;
    }

    /** A non-empty scalar's text, or null after reporting why there is none. */
    String text(NodeTuple entry, String where) {
        String key = key(entry);
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

    /**
     * A positive ISO-8601 duration; null after reporting a problem that names it as {@code label}
     * (such as {@code 'sla'}) with {@code examples} of good values.
     */
    Duration positiveDuration(NodeTuple entry, String where, String label, String examples) {
        String text = text(entry, where);
        if (text == null) {
            return null;
        }
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            String hint = text.contains("${") ? " (a ${...} placeholder that nothing resolved)" : "";
            problem(
                    entry.getValueNode(),
                    where,
                    label + " must be an ISO-8601 duration such as " + examples + ", was '" + text + "'" + hint);
            return null;
        }
        if (duration.isNegative() || duration.isZero()) {
            problem(entry.getValueNode(), where, label + " must be positive, was " + text);
            return null;
        }
        return duration;
    }

    /** {@code true} or {@code false} (in any case), or null after reporting why it is neither. */
    Boolean flag(NodeTuple entry, String where) {
        return oneOf(entry, where, FLAGS, text -> "'" + key(entry) + "' must be true or false, was '" + text + "'");
    }

    /**
     * The value {@code choices} gives the entry's word (in any case), such as an outcome; null after
     * reporting {@code problem} of the word written, or why there is no word.
     */
    <T> T oneOf(NodeTuple entry, String where, Map<String, T> choices, Function<String, String> problem) {
        String text = text(entry, where);
        if (text == null) {
            return null;
        }
        T chosen = choices.get(text.toLowerCase(Locale.ROOT));
        if (chosen == null) {
            problem(entry.getValueNode(), where, problem.apply(text));
        }
        return chosen;
    }

    /** A name or a list of names, as {@code tool} and {@code groups} take. */
    List<String> names(NodeTuple entry, String where) {
        String key = key(entry);
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

    /** How problems name an item of a list: {@code rule 'refunds' (#2)}, or {@code rule #2} before it has a name. */
    static String label(String kind, MappingNode mapping, int index) {
        String name = peekName(mapping);
        return name == null ? kind + " #" + index : kind + " '" + name + "' (#" + index + ")";
    }

    private static String peekName(MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key
                    && key.getValue().equals("name")
                    && tuple.getValueNode() instanceof ScalarNode value
                    && !value.getTag().equals(Tag.NULL)
                    && !value.getValue().isBlank()) {
                return value.getValue().strip();
            }
        }
        return null;
    }

    static String key(NodeTuple entry) {
        return ((ScalarNode) entry.getKeyNode()).getValue();
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static String kind(Node node) {
        return switch (node.getNodeId()) {
            case mapping -> "mapping";
            case sequence -> "list";
            default -> "scalar";
        };
    }

    static boolean isBlockScalar(Node node) {
        return node instanceof ScalarNode scalar
                && (scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED);
    }

    private static List<PolicyFinding> inLineOrder(List<PolicyFinding> findings) {
        return findings.stream()
                .sorted(Comparator.comparingInt(PolicyFinding::line))
                .toList();
    }
}
