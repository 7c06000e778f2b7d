package dev.countersign.profile;

import dev.countersign.task.StepBudget;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The agents of the agents file, by name; an agent the file does not name runs with the defaults. */
public final class AgentProfiles {

    /** No agents file: every agent runs with the default budgets. */
    public static final AgentProfiles NONE = new AgentProfiles("no agents file", Map.of());

    private final String source;
    private final Map<String, AgentProfile> byName;
    private final McpServerDeclarations mcpServers;

    AgentProfiles(String source, Map<String, AgentProfile> byName) {
        this(source, byName, McpServerDeclarations.NONE);
    }

    AgentProfiles(String source, Map<String, AgentProfile> byName, McpServerDeclarations mcpServers) {
        this.source = source;
        this.byName = Map.copyOf(new LinkedHashMap<>(byName));
        this.mcpServers = mcpServers;
    }

    /** The MCP servers the agents declare. */
    public McpServerDeclarations mcpServers() {
        return mcpServers;
    }

    /** Where the agents came from, for messages: the file's description. */
    public String source() {
        return source;
    }

    public Optional<AgentProfile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<AgentProfile> all() {
        return byName.values();
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** The step budget of this agent's tasks: its entry's, or the defaults. */
    public StepBudget budgetOf(String agent) {
        return find(agent).map(AgentProfile::budget).orElse(StepBudget.DEFAULT);
    }

    /**
     * Refuses, at start rather than at a task's first step, agents of the file that no agent model
     * serves.
     */
    public void refuseUnserved(Set<String> served) {
        List<String> unserved =
                names().stream().filter(name -> !served.contains(name)).sorted().toList();
        if (!unserved.isEmpty()) {
            throw new InvalidAgentsFile(source + ": no agent model serves " + unserved
                    + ": give each instructions (a language model drives it) or an AgentModel bean of that"
                    + " name; models here serve " + served);
        }
    }
}
