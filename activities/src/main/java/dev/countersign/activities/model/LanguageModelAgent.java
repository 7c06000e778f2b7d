package dev.countersign.activities.model;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.Question;
import dev.countersign.agent.TokenUsage;
import dev.countersign.agent.TranscriptEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * An agent driven by a language model: each step sends the whole conversation and the agent's tools
 * (their definitions only) through Spring AI's {@code ChatModel.call}, and takes the reply's tool
 * calls, in order, as the next step, or its text as the task's summary. It never runs a tool: tools
 * run in the tool activity, after policy and approval. The model is reached through a {@link
 * ModelEndpoint}: an OpenAI-compatible endpoint, or a Spring AI provider's ChatModel.
 */
public class LanguageModelAgent implements AgentModel {

    private static final Logger log = LoggerFactory.getLogger(LanguageModelAgent.class);

    private final AgentSetup profile;
    private final ModelEndpoint endpoint;
    private final ChatModel chatModel;
    private final String model;
    private final ChatOptions options;
    private final Set<String> withConfidence = new HashSet<>();
    private final Clock clock;

    /** An agent with a ChatModel of its own, from the endpoint. */
    public LanguageModelAgent(AgentSetup profile, ToolRegistry registry, ModelEndpoint endpoint) {
        this(profile, registry, endpoint, endpoint.chatModel(), Clock.systemUTC());
    }

    /**
     * @param chatModel the endpoint's ChatModel, which several agents may share; it must make one
     *     attempt per call, since Temporal retries the model activity
     */
    public LanguageModelAgent(
            AgentSetup profile, ToolRegistry registry, ModelEndpoint endpoint, ChatModel chatModel, Clock clock) {
        this.profile = profile;
        this.endpoint = endpoint;
        this.chatModel = chatModel;
        this.clock = clock;
        this.model = profile.model() != null ? profile.model() : endpoint.model();
        if (model == null && endpoint instanceof OpenAiEndpoint) {
            throw new IllegalArgumentException("agent '" + profile.name() + "' has no model: set "
                    + OpenAiEndpoint.MODEL_VARIABLE + " or the agent's model");
        }
        this.options = options(chatModel, model, declaredTools(registry));
    }

    /**
     * One agent per profile on this endpoint, all sharing one ChatModel (and so one HTTP client); a
     * profile without a model where the endpoint needs one, or naming a tool that is not registered,
     * stops this with a message naming the agent.
     */
    public static List<LanguageModelAgent> on(
            ModelEndpoint endpoint, List<AgentSetup> profiles, ToolRegistry registry) {
        ChatModel shared = endpoint.chatModel();
        return profiles.stream()
                .map(profile -> new LanguageModelAgent(profile, registry, endpoint, shared, Clock.systemUTC()))
                .toList();
    }

    @Override
    public String agent() {
        return profile.name();
    }

    /** Asks the model for the next step, which carries what the reply cost in tokens. */
    @Override
    public AgentStep nextStep(AgentRequest request) {
        ChatResponse response;
        try {
            response = call(request);
        } catch (RuntimeException failed) {
            if (!endpoint.contextTooLong(failed)) {
                throw endpoint.failure(failed, modelName(), clock);
            }
            log.warn(
                    "the conversation of task {} is longer than model {} takes; asking once more with its oldest"
                            + " half cut short",
                    request.taskId(),
                    modelName());
            response = callWithTheOldestHalfElided(request);
        }
        AgentStep step = ReplySteps.step(response, profile.askHuman(), withConfidence);
        if (step == null) {
            throw endpoint.emptyReply(modelName());
        }
        TokenUsage usage = ReplySteps.usage(response);
        log.info(
                "model {} chose {} ({} call(s)) for task {} of agent '{}': {} prompt + {} completion = {} tokens",
                modelName(),
                step.kind(),
                step.toolCalls().size(),
                request.taskId(),
                profile.name(),
                usage.promptTokens(),
                usage.completionTokens(),
                usage.totalTokens());
        return step.withUsage(usage);
    }

    private ChatResponse call(AgentRequest request) {
        return chatModel.call(new Prompt(ConversationMessages.of(profile.instructions(), request), options));
    }

    /**
     * The one retry of a conversation too long for the model: the older half of its entries keep a
     * short beginning of their results and texts, with a marker saying how much was cut.
     */
    private ChatResponse callWithTheOldestHalfElided(AgentRequest request) {
        List<TranscriptEntry> transcript = request.transcript();
        int older = transcript.size() / 2;
        List<TranscriptEntry> shorter = new ArrayList<>(transcript.size());
        for (int i = 0; i < transcript.size(); i++) {
            shorter.add(i < older ? transcript.get(i).elided() : transcript.get(i));
        }
        try {
            return call(new AgentRequest(request.taskId(), request.agent(), request.goal(), request.input(), shorter));
        } catch (RuntimeException failed) {
            throw endpoint.failure(failed, modelName(), clock);
        }
    }

    /** The model named in messages: the agent's or the endpoint's, else the ChatModel's own choice. */
    private String modelName() {
        return model != null ? model : "(" + endpoint.describe() + "'s default)";
    }

    private static final String ASK_HUMAN_SCHEMA = "{\"type\":\"object\",\"properties\":{"
            + "\"question\":{\"type\":\"string\",\"description\":\"the question, in full\"},"
            + "\"options\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},"
            + "\"description\":\"answers to choose from, if any\"}},"
            + "\"required\":[\"question\"],\"additionalProperties\":false}";

    private List<ToolCallback> declaredTools(ToolRegistry registry) {
        List<ToolCallback> declared = new ArrayList<>();
        for (String name : profile.tools()) {
            Tool tool = registry.find(name)
                    .orElseThrow(() -> new IllegalArgumentException("agent '" + profile.name()
                            + "' names the tool '" + name + "', which is not registered; known tools: "
                            + registry.names()));
            declared.add(new DeclaredTool(ToolDefinition.builder()
                    .name(tool.name())
                    .description(tool.description().isBlank() ? "The tool " + tool.name() : tool.description())
                    .inputSchema(ConversationMessages.json(schemaOffered(tool)))
                    .build()));
        }
        if (profile.askHuman()) {
            declared.add(new DeclaredTool(ToolDefinition.builder()
                    .name(Question.ASK_HUMAN)
                    .description("Ask a person a question and wait for the answer. Use it when you cannot go on"
                            + " without something only a person knows; call it alone, not beside other tools.")
                    .inputSchema(ASK_HUMAN_SCHEMA)
                    .build()));
        }
        return declared;
    }

    /** The tool's schema, with the confidence argument where the agent asks for one and it fits. */
    private Map<String, Object> schemaOffered(Tool tool) {
        if (!profile.askConfidence()) {
            return tool.jsonSchema();
        }
        Map<String, Object> withConfidence = ConfidenceArgument.offered(tool.jsonSchema());
        if (withConfidence == null) {
            log.warn(
                    "agent '{}' asks for confidence, but the tool {} cannot take the argument {}; its calls carry none",
                    profile.name(),
                    tool.name(),
                    ConfidenceArgument.NAME);
            return tool.jsonSchema();
        }
        this.withConfidence.add(tool.name());
        return withConfidence;
    }

    /** The model's own options with this agent's model (where one is named) and tool definitions. */
    private static ChatOptions options(ChatModel chatModel, String model, List<ToolCallback> tools) {
        ChatOptions defaults = chatModel.getOptions();
        ChatOptions.Builder<?> builder = defaults == null ? ToolCallingChatOptions.builder() : defaults.mutate();
        if (model != null) {
            builder.model(model);
        }
        if (builder instanceof ToolCallingChatOptions.Builder<?> toolCalling) {
            toolCalling.toolCallbacks(tools);
        } else if (!tools.isEmpty()) {
            throw new IllegalArgumentException(
                    "the chat model " + chatModel.getClass().getSimpleName()
                            + " cannot be offered tools (its options do not take tool definitions)");
        }
        return builder.build();
    }
}
