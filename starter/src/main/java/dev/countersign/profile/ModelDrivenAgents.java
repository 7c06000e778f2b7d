package dev.countersign.profile;

import dev.countersign.activities.model.OpenAiAgentModel;
import dev.countersign.activities.model.OpenAiEndpoint;
import dev.countersign.activities.tool.ToolRegistry;
import java.util.List;
import java.util.function.Supplier;

/** Builds the model-driven agents of the agents file, each on the OpenAI-compatible endpoint. */
public final class ModelDrivenAgents {

    private ModelDrivenAgents() {}

    /**
     * One agent model per agent with instructions; none, and no endpoint asked for, when the file has
     * no such agent. An agent that needs a model where none is configured stops the start, naming it.
     */
    public static List<OpenAiAgentModel> of(
            AgentProfiles profiles, Supplier<OpenAiEndpoint> endpoint, ToolRegistry tools) {
        List<AgentProfile> driven =
                profiles.all().stream().filter(AgentProfile::modelDriven).toList();
        if (driven.isEmpty()) {
            return List.of();
        }
        OpenAiEndpoint configured = endpoint.get();
        if (configured == null) {
            throw new InvalidAgentsFile(profiles.source() + ": the agents "
                    + driven.stream().map(AgentProfile::name).toList()
                    + " are driven by a language model, and none is configured: set OPENAI_BASE_URL (with /v1,"
                    + " for example http://127.0.0.1:11434/v1 for Ollama) or OPENAI_API_KEY, and COUNTERSIGN_MODEL");
        }
        try {
            return configured.agents(driven.stream().map(AgentProfile::setup).toList(), tools);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidAgentsFile(profiles.source() + ": " + invalid.getMessage());
        }
    }
}
