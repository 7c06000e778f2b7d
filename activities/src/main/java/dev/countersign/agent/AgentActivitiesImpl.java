package dev.countersign.agent;

import dev.countersign.tool.ActivityHeartbeat;
import io.temporal.failure.ApplicationFailure;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Routes each task's "what next?" to the AgentModel of its agent profile. */
public class AgentActivitiesImpl implements AgentActivities {

    public static final String UNKNOWN_AGENT = "UnknownAgent";

    private final Map<String, AgentModel> models = new TreeMap<>();

    public AgentActivitiesImpl(Collection<? extends AgentModel> models) {
        for (AgentModel model : models) {
            if (this.models.putIfAbsent(model.agent(), model) != null) {
                throw new IllegalStateException("two agent models serve the agent '" + model.agent() + "'");
            }
        }
    }

    public boolean knows(String agent) {
        return models.containsKey(agent);
    }

    public java.util.Set<String> agents() {
        return models.keySet();
    }

    @Override
    public AgentStep nextStep(AgentRequest request) {
        AgentModel model = models.get(request.agent());
        if (model == null) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "no agent model serves the agent '" + request.agent() + "'", UNKNOWN_AGENT);
        }
        return ActivityHeartbeat.whileRunning(() -> model.nextStep(request));
    }
}
