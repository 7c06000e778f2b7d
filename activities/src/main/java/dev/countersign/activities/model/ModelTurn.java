package dev.countersign.activities.model;

import dev.countersign.agent.AgentStep;

/** What one call to a language model gave: the agent's next step and the tokens it cost. */
public record ModelTurn(AgentStep step, TokenUsage usage) {

    public ModelTurn {
        if (step == null) {
            throw new IllegalArgumentException("a model turn needs a step");
        }
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
