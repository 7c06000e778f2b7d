package dev.countersign.activities.policy.yaml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
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
 * Finds which rule or guard a YAML syntax error sits in (or follows, when a bad indent closed it
 * early) by replaying the parser's events up to the error: when the YAML itself is broken there is
 * no node tree to name rules from.
 */
final class YamlErrorContext {

    private static final int ITEM_DEPTH = 3;
    private static final Map<String, String> KIND_BY_LIST = Map.of("rules", "rule", "guards", "guard");

    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Integer> indexByKind = new HashMap<>();
    private String kind;
    private String name;

    private YamlErrorContext() {}

    /**
     * The rule or guard being read when the parser failed, as "rule 'name' (#n)" or "guard #n", or
     * "after rule ..." when the error follows it; empty outside the lists.
     */
    static String itemAt(String yaml) {
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
            String listKind = event instanceof SequenceStartEvent ? listKindAtKey() : null;
            String itemKind = event instanceof MappingStartEvent ? itemKindOfList() : null;
            stack.push(new Frame(event instanceof MappingStartEvent, itemKind, listKind));
            if (itemKind != null) {
                kind = itemKind;
                indexByKind.merge(itemKind, 1, Integer::sum);
                name = null;
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
        } else if (stack.size() == ITEM_DEPTH && "name".equals(frame.key) && scalar != null) {
            name = scalar.strip();
        }
        frame.expectingKey = !frame.expectingKey;
    }

    private String itemKindOfList() {
        return stack.size() == ITEM_DEPTH - 1 ? stack.peek().listKind : null;
    }

    private String listKindAtKey() {
        return stack.size() == 1 && stack.peek().mapping ? KIND_BY_LIST.get(stack.peek().key) : null;
    }

    private String label() {
        if (kind == null) {
            return "";
        }
        int index = indexByKind.get(kind);
        String item = name == null ? kind + " #" + index : kind + " '" + name + "' (#" + index + ")";
        if (stack.stream().anyMatch(frame -> kind.equals(frame.itemKind))) {
            return item;
        }
        if (stack.stream().anyMatch(frame -> kind.equals(frame.listKind))) {
            return "after " + item;
        }
        return "";
    }

    private static final class Frame {
        private final boolean mapping;
        private final String itemKind;
        private final String listKind;
        private boolean expectingKey = true;
        private String key;

        private Frame(boolean mapping, String itemKind, String listKind) {
            this.mapping = mapping;
            this.itemKind = itemKind;
            this.listKind = listKind;
        }
    }
}
