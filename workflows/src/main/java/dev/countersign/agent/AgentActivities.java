package dev.countersign.agent;

import io.temporal.activity.ActivityInterface;

/**
 * Asks the task's agent model for its next step; implemented over the AgentModel port, which is
 * given the whole conversation rebuilt from the transcript store.
 */
@ActivityInterface
public interface AgentActivities {

    AgentStep nextStep(StepRequest request);
}
