package dev.countersign.agent;

import io.temporal.activity.ActivityInterface;

/** Asks the task's agent model for its next step; implemented over the AgentModel port. */
@ActivityInterface
public interface AgentActivities {

    AgentStep nextStep(AgentRequest request);
}
