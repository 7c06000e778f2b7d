package dev.countersign.activities.model;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
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
import java.util.List;
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
 * An agent driven by a language model on an OpenAI-compatible endpoint: each step sends the whole
 * conversation and the agent's tools (their definitions only) through Spring AI's {@code
 * ChatModel.call}, and takes the reply's tool calls, in order, as the next step, or its text as the
 * task's summary. It never runs a tool: tools run in the tool activity, after policy and approval.
 */
public class OpenAiAgentModel implements AgentModel {

    private static final Logger log = LoggerFactory.getLogger(OpenAiAgentModel.class);

    private final AgentSetup profile;
    private final OpenAiEndpoint endpoint;
    private final ChatModel chatModel;
    private final String model;
    private final ChatOptions options;
    private final Clock clock;

    /** An agent with a ChatModel of its own, built from the endpoint. */
    public OpenAiAgentModel(AgentSetup profile, ToolRegistry registry, OpenAiEndpoint endpoint) {
        this(profile, registry, endpoint, endpoint.chatModel(), Clock.systemUTC());
    }

    /**
     * @param chatModel the endpoint's ChatModel, which several agents may share; it must make one
     *     HTTP attempt per call (see {@link OpenAiEndpoint#chatModel()})
     */
    public OpenAiAgentModel(
            AgentSetup profile, ToolRegistry registry, OpenAiEndpoint endpoint, ChatModel chatModel, Clock clock) {
        this.profile = profile;
        this.endpoint = endpoint;
        this.chatModel = chatModel;
        this.clock = clock;
        this.model = profile.model() != null ? profile.model() : endpoint.model();
        if (model == null) {
            throw new IllegalArgumentException("agent '" + profile.name() + "' has no model: set "
                    + OpenAiEndpoint.MODEL_VARIABLE + " or the agent's model");
        }
        this.options = options(chatModel, model, declaredTools(profile, registry));
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
        } catch (OpenAIServiceException tooLong) {
            if (!ModelFailures.contextTooLong(tooLong)) {
                throw ModelFailures.of(tooLong, endpoint, model, clock);
            }
            log.warn(
                    "the conversation of task {} is longer than model {} takes; asking once more with its oldest"
                            + " half cut short",
                    request.taskId(),
                    model);
            response = callWithTheOldestHalfElided(request);
        }
        AgentStep step = ReplySteps.step(response, profile.askHuman());
        if (step == null) {
            throw ModelFailures.emptyReply(endpoint, model);
        }
        TokenUsage usage = ReplySteps.usage(response);
        log.info(
                "model {} chose {} ({} call(s)) for task {} of agent '{}': {} prompt + {} completion = {} tokens",
                model,
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
        try {
            return chatModel.call(new Prompt(ConversationMessages.of(profile.instructions(), request), options));
        } catch (OpenAIIoException error) {
            throw ModelFailures.unreachable(error, endpoint);
        }
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
        } catch (OpenAIServiceException error) {
            throw ModelFailures.of(error, endpoint, model, clock);
        }
    }

    private static final String ASK_HUMAN_SCHEMA = "{\"type\":\"object\",\"properties\":{"
            + "\"question\":{\"type\":\"string\",\"description\":\"the question, in full\"},"
            + "\"options\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},"
            + "\"description\":\"answers to choose from, if any\"}},"
            + "\"required\":[\"question\"],\"additionalProperties\":false}";

    private static List<ToolCallback> declaredTools(AgentSetup profile, ToolRegistry registry) {
        List<ToolCallback> declared = new ArrayList<>();
        for (String name : profile.tools()) {
            Tool tool = registry.find(name)
                    .orElseThrow(() -> new IllegalArgumentException("agent '" + profile.name()
                            + "' names the tool '" + name + "', which is not registered; known tools: "
                            + registry.names()));
            declared.add(new DeclaredTool(ToolDefinition.builder()
                    .name(tool.name())
                    .description(tool.description().isBlank() ? "The tool " + tool.name() : tool.description())
                    .inputSchema(ConversationMessages.json(tool.jsonSchema()))
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

    /** The model's own options with this agent's model and tool definitions. */
    private static ChatOptions options(ChatModel chatModel, String model, List<ToolCallback> tools) {
        ChatOptions.Builder<?> builder = chatModel.getOptions().mutate().model(model);
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
