package dev.countersign.activities.agent;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;

/**
 * The port through which an agent decides its next step: a language model adapter, or a scripted
 * agent for demos and tests. One bean per agent profile, found by {@link #agent()}.
 */
public interface AgentModel {

    /** The agent profile this model serves, as named in a task's {@code agent}. */
    String agent();

    AgentStep nextStep(AgentRequest request);
}
