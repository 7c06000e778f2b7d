package dev.countersign.policy;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Finds which rule a YAML syntax error sits in (or follows, when a bad indent closed the rule
 * early) by replaying the parser's events up to the error: when the YAML itself is broken there is
 * no node tree to name rules from.
 */
final class YamlErrorContext {

    private static final int RULE_DEPTH = 3;

    private final Deque<Frame> stack = new ArrayDeque<>();
    private int ruleIndex;
    private String ruleName;

    private YamlErrorContext() {}

    /** The rule being read when the parser failed, as "rule 'name' (#n)" or "rule #n"; empty outside rules. */
    static String ruleAt(String yaml) {
        YamlErrorContext context = new YamlErrorContext();
        try {
            for (Event event : new Yaml(new LoaderOptions()).parse(new StringReader(yaml))) {
                context.accept(event);
            }
        } catch (YAMLException expected) {
            return context.label();
        }
        return "";
    }

    private void accept(Event event) {
        if (event instanceof MappingStartEvent || event instanceof SequenceStartEvent) {
            boolean ruleStarts = event instanceof MappingStartEvent && inRulesList();
            boolean rulesList = event instanceof SequenceStartEvent && atRulesKey();
            stack.push(new Frame(event instanceof MappingStartEvent, ruleStarts, rulesList));
            if (ruleStarts) {
                ruleIndex++;
                ruleName = null;
            }
        } else if (event instanceof CollectionEndEvent) {
            stack.pop();
            nodeEnded(null);
        } else if (event instanceof ScalarEvent scalar) {
            nodeEnded(scalar.getValue());
        } else if (event instanceof AliasEvent) {
            nodeEnded(null);
        }
    }

    private void nodeEnded(String scalar) {
        Frame frame = stack.peek();
        if (frame == null || !frame.mapping) {
            return;
        }
        if (frame.expectingKey) {
            frame.key = scalar;
        } else if (stack.size() == RULE_DEPTH && "name".equals(frame.key) && scalar != null) {
            ruleName = scalar.strip();
        }
        frame.expectingKey = !frame.expectingKey;
    }

    private boolean inRulesList() {
        return stack.size() == RULE_DEPTH - 1 && stack.peek().rulesList;
    }

    private boolean atRulesKey() {
        return stack.size() == 1 && stack.peek().mapping && "rules".equals(stack.peek().key);
    }

    private String label() {
        String rule = ruleName == null ? "rule #" + ruleIndex : "rule '" + ruleName + "' (#" + ruleIndex + ")";
        if (stack.stream().anyMatch(frame -> frame.rule)) {
            return rule;
        }
        if (ruleIndex > 0 && stack.stream().anyMatch(frame -> frame.rulesList)) {
            return "after " + rule;
        }
        return "";
    }

    private static final class Frame {
        private final boolean mapping;
        private final boolean rule;
        private final boolean rulesList;
        private boolean expectingKey = true;
        private String key;

        private Frame(boolean mapping, boolean rule, boolean rulesList) {
            this.mapping = mapping;
            this.rule = rule;
            this.rulesList = rulesList;
        }
    }
}
