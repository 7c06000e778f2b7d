package dev.countersign.activities.tool;

import dev.countersign.activities.tool.spring.ToolMethod;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tools an agent may call, by name, with the schema check every call passes first. A tool whose
 * compensation is {@link Compensation#irreversible()} is registered with the tag {@value
 * Compensation#IRREVERSIBLE_TAG} added to its own tags, and one that is not idempotent with {@value
 * Tool#NOT_IDEMPOTENT_TAG}, so policy rules and guards can see it. A tool that would run as a local
 * activity ({@link Tool#runsLocally()}) must be idempotent.
 */
public final class ToolRegistry {

    private final Map<String, Tool> tools = new TreeMap<>();

    public ToolRegistry(Collection<? extends Tool> tools) {
        for (Tool declared : tools) {
            if (declared.runsLocally() && !declared.idempotent()) {
                throw new IllegalStateException("the tool '" + declared.name() + "' (" + origin(declared)
                        + ") cannot run as a local activity: it is not idempotent, and a local activity"
                        + " runs again when its worker stops before the workflow task completes");
            }
            Tool tool = TaggedTool.tagged(declared);
            Tool earlier = this.tools.putIfAbsent(tool.name(), tool);
            if (earlier != null) {
                throw new IllegalStateException("two tools are named '" + tool.name() + "': "
                        + origin(TaggedTool.declared(earlier)) + " and " + origin(declared));
            }
        }
    }

    /** Where a tool comes from: the method of a bean for a {@code @Tool} method, else its class. */
    private static String origin(Tool tool) {
        return tool instanceof ToolMethod method
                ? method.origin()
                : tool.getClass().getName();
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    public Set<String> names() {
        return tools.keySet();
    }

    /**
     * The arguments as the tool reads them (see {@link Tool#normalized}); unchanged for an unknown
     * tool or {@link UnreadableArguments}, which the schema check refuses.
     *
     * @throws IllegalArgumentException saying which argument cannot be read
     */
    public Map<String, Object> normalized(String tool, Map<String, Object> args) {
        if (UnreadableArguments.isUnreadable(args)) {
            return args;
        }
        return find(tool).map(found -> found.normalized(args)).orElse(args);
    }

    /**
     * Every way these arguments fail the tool's schema; an unknown tool and {@link UnreadableArguments}
     * are such ways.
     */
    public List<String> violations(String tool, Map<String, Object> args) {
        if (UnreadableArguments.isUnreadable(args)) {
            return List.of(UnreadableArguments.reason(args));
        }
        return find(tool)
                .map(found -> found.violations(args))
                .orElseGet(() -> List.of("there is no tool named '" + tool + "'"));
    }
}
