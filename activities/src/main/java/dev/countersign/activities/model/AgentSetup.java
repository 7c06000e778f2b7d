package dev.countersign.activities.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One model-driven agent: its name (a task's {@code agent}), its instructions (the system prompt),
 * the model it asks (null for the endpoint's default), the names of the registered tools it may
 * call, whether it may ask a person through the {@code ask_human} tool, and whether each call must
 * say how confident the model is in it (the policy's {@code confidence}, shown to reviewers).
 */
public record AgentSetup(
        String name, String instructions, String model, List<String> tools, boolean askHuman, boolean askConfidence) {

    /** The tool names OpenAI's chat completions accept. */
    static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    public AgentSetup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an agent profile needs a name");
        }
        instructions = instructions == null ? "" : instructions;
        model = model == null || model.isBlank() ? null : model.strip();
        tools = tools == null ? List.of() : List.copyOf(tools);
        for (String tool : tools) {
            if (!TOOL_NAME.matcher(tool).matches()) {
                throw new IllegalArgumentException("agent '" + name + "': the tool name '" + tool
                        + "' cannot be offered to a model (letters, digits, _ and - only, at most 64)");
            }
        }
    }

    /** An agent whose calls carry no confidence. */
    public AgentSetup(String name, String instructions, String model, List<String> tools, boolean askHuman) {
        this(name, instructions, model, tools, askHuman, false);
    }

    /** An agent that may not ask a person. */
    public AgentSetup(String name, String instructions, String model, List<String> tools) {
        this(name, instructions, model, tools, false, false);
    }
}
