package dev.countersign.activities.model;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
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

    @Override
    public AgentStep nextStep(AgentRequest request) {
        return turn(request).step();
    }

    /** Asks the model for the next step, and says what the reply cost in tokens. */
    public ModelTurn turn(AgentRequest request) {
        Prompt prompt = new Prompt(ConversationMessages.of(profile.instructions(), request), options);
        ChatResponse response;
        try {
            response = chatModel.call(prompt);
        } catch (OpenAIServiceException error) {
            throw ModelFailures.of(error, endpoint, model, clock);
        } catch (OpenAIIoException error) {
            throw ModelFailures.unreachable(error, endpoint);
        }
        AgentStep step = ReplySteps.step(response);
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
        return new ModelTurn(step, usage);
    }

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
