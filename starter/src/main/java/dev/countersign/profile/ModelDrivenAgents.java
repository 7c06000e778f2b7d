package dev.countersign.profile;

import dev.countersign.activities.model.LanguageModelAgent;
import dev.countersign.activities.model.ModelEndpoint;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.activities.tool.mcp.McpServers;
import java.util.List;
import java.util.function.Supplier;

/** Builds the model-driven agents of the agents file, all on the one configured model endpoint. */
public final class ModelDrivenAgents {

    private ModelDrivenAgents() {}

    /**
     * One agent model per agent with instructions; none, and no endpoint asked for, when the file has
     * no such agent. An agent that needs a model where none is configured stops the start, naming it.
     */
    public static List<LanguageModelAgent> of(
            AgentProfiles profiles, Supplier<ModelEndpoint> endpoint, ToolRegistry tools) {
        return of(profiles, endpoint, tools, McpServers.NONE);
    }

    /**
     * As {@link #of(AgentProfiles, Supplier, ToolRegistry)}, each agent also offered the tools of the
     * MCP servers it declares.
     */
    public static List<LanguageModelAgent> of(
            AgentProfiles profiles, Supplier<ModelEndpoint> endpoint, ToolRegistry tools, McpServers mcpServers) {
        List<AgentProfile> driven =
                profiles.all().stream().filter(AgentProfile::modelDriven).toList();
        if (driven.isEmpty()) {
            return List.of();
        }
        ModelEndpoint configured = endpoint.get();
        if (configured == null) {
            throw new InvalidAgentsFile(profiles.source() + ": the agents "
                    + driven.stream().map(AgentProfile::name).toList()
                    + " are driven by a language model, and none is configured: set OPENAI_BASE_URL (with /v1,"
                    + " for example http://127.0.0.1:11434/v1 for Ollama) or OPENAI_API_KEY, and COUNTERSIGN_MODEL;"
                    + " or add a Spring AI model starter (Anthropic, Google, ...), whose ChatModel is then used");
        }
        try {
            return LanguageModelAgent.on(
                    configured,
                    driven.stream()
                            .map(profile -> profile.setup(mcpToolsOf(profile, profiles, mcpServers)))
                            .toList(),
                    tools);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidAgentsFile(profiles.source() + ": " + invalid.getMessage());
        }
    }

    private static List<String> mcpToolsOf(AgentProfile profile, AgentProfiles profiles, McpServers mcpServers) {
        return profiles.mcpServers().of(profile.name()).stream()
                .flatMap(server -> mcpServers.toolNames(server).stream())
                .toList();
    }
}
