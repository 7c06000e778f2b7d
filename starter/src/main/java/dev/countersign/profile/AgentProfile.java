package dev.countersign.profile;

import dev.countersign.activities.model.AgentSetup;
import dev.countersign.task.StepBudget;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One agent of the agents file. With {@code instructions} it is driven by a language model, which
 * may call the tools it lists; without, it sets the budgets of an agent served by an AgentModel bean
 * of the same name (the demo's scripted agent, for one).
 *
 * @param name the name a task's {@code agent} gives
 * @param instructions the system prompt of a model-driven agent; null for an AgentModel bean
 * @param model the model to ask (null: {@code COUNTERSIGN_MODEL})
 * @param tools the tools the model may call, by name
 * @param maxSteps model calls one task may make over all its runs
 * @param continueAsNewAfter steps of one run after which the task continues as new
 * @param tokenBudget tokens one task may spend over all its model calls
 * @param askHuman whether the model may ask a person a question ({@code ask_human})
 * @param askConfidence whether each call must carry the model's confidence in it, from 0 to 1, which
 *     the policy reads as {@code confidence} and reviewers see
 */
public record AgentProfile(
        String name,
        String instructions,
        String model,
        List<String> tools,
        int maxSteps,
        int continueAsNewAfter,
        long tokenBudget,
        boolean askHuman,
        boolean askConfidence) {

    /** What an agent's name may be: it travels in URLs, metrics and policy conditions. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public AgentProfile {
        checkName(name);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (instructions != null && instructions.isBlank()) {
            throw new IllegalArgumentException(
                    "instructions must not be blank; leave the key out for an AgentModel bean");
        }
        if (instructions == null && (model != null || !tools.isEmpty() || askHuman || askConfidence)) {
            throw new IllegalArgumentException("model, tools, ask-human and ask-confidence need instructions:"
                    + " without them the agent is an AgentModel bean");
        }
        if (model != null && model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank; leave the key out for COUNTERSIGN_MODEL");
        }
        if (tools.stream().anyMatch(tool -> tool == null || tool.isBlank())) {
            throw new IllegalArgumentException("tools must name tools, found a blank entry");
        }
        if (tools.stream().distinct().count() != tools.size()) {
            throw new IllegalArgumentException("tools lists a tool twice: " + tools);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("max-steps must be at least 1, was " + maxSteps);
        }
        if (continueAsNewAfter < 1) {
            throw new IllegalArgumentException("continue-as-new-after must be at least 1, was " + continueAsNewAfter);
        }
        if (tokenBudget < 1) {
            throw new IllegalArgumentException("token-budget must be at least 1, was " + tokenBudget);
        }
    }

    /** An agent served by an AgentModel bean, with the default budgets. */
    public static AgentProfile ofBean(String name) {
        return new AgentProfile(
                name,
                null,
                null,
                List.of(),
                StepBudget.DEFAULT_MAX_STEPS,
                StepBudget.DEFAULT_CONTINUE_AS_NEW_AFTER,
                StepBudget.DEFAULT_TOKEN_BUDGET,
                false,
                false);
    }

    /** Refuses a name that is not a valid agent name, saying what one may be. */
    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "the agent name '" + name + "' is not valid: use letters, digits, '-' and '_', at most 64");
        }
    }

    /** What the model adapter needs of a model-driven agent. */
    public AgentSetup setup() {
        return setup(List.of());
    }

    /** What the model adapter needs, with more tools than the file's {@code tools} (an MCP server's). */
    public AgentSetup setup(List<String> moreTools) {
        List<String> all = new java.util.ArrayList<>(tools);
        moreTools.stream().filter(tool -> !all.contains(tool)).forEach(all::add);
        return new AgentSetup(name, instructions, model, all, askHuman, askConfidence);
    }

    /** Whether a language model drives this agent (it has instructions). */
    public boolean modelDriven() {
        return instructions != null;
    }

    /** The step budget each task of this agent starts under. */
    public StepBudget budget() {
        return new StepBudget(maxSteps, continueAsNewAfter, tokenBudget);
    }
}
