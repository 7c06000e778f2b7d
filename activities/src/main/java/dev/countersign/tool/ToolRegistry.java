package dev.countersign.tool;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The tools an agent may call, by name, with the schema check every call passes first. */
public final class ToolRegistry {

    private final Map<String, Tool> tools = new TreeMap<>();

    public ToolRegistry(Collection<? extends Tool> tools) {
        for (Tool tool : tools) {
            Tool earlier = this.tools.putIfAbsent(tool.name(), tool);
            if (earlier != null) {
                throw new IllegalStateException("two tools are named '" + tool.name() + "': "
                        + earlier.getClass().getName() + " and "
                        + tool.getClass().getName());
            }
        }
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    public Set<String> names() {
        return tools.keySet();
    }

    /** Every way these arguments fail the tool's schema; an unknown tool is one such way. */
    public List<String> violations(String tool, Map<String, Object> args) {
        return find(tool)
                .map(found -> found.schema().violations(args))
                .orElseGet(() -> List.of("there is no tool named '" + tool + "'"));
    }
}
