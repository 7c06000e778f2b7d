package dev.countersign.agent;

import dev.countersign.payload.PayloadBounds;
import dev.countersign.tool.ActivityHeartbeat;
import io.temporal.failure.ApplicationFailure;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes each task's "what next?" to the AgentModel of its agent profile. */
public class AgentActivitiesImpl implements AgentActivities {

    public static final String UNKNOWN_AGENT = "UnknownAgent";

    private static final Logger log = LoggerFactory.getLogger(AgentActivitiesImpl.class);

    private final Map<String, AgentModel> models = new TreeMap<>();
    private final int maxPayloadBytes;

    public AgentActivitiesImpl(Collection<? extends AgentModel> models) {
        this(models, PayloadBounds.MAX_VALUE_BYTES);
    }

    /**
     * @param maxPayloadBytes the size a model's reply is cut to (its texts and arguments, visibly),
     *     so that it never makes the task's history too large; at most {@link
     *     PayloadBounds#MAX_VALUE_BYTES}
     */
    public AgentActivitiesImpl(Collection<? extends AgentModel> models, int maxPayloadBytes) {
        if (maxPayloadBytes <= 0 || maxPayloadBytes > PayloadBounds.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException(
                    "the payload bound must lie between 1 and " + PayloadBounds.MAX_VALUE_BYTES + " bytes");
        }
        this.maxPayloadBytes = maxPayloadBytes;
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
    public AgentStep nextStep(StepRequest turn) {
        AgentRequest request = new AgentRequest(turn.taskId(), turn.agent(), turn.goal(), turn.input(), turn.entries());
        AgentModel model = models.get(request.agent());
        if (model == null) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "no agent model serves the agent '" + request.agent() + "'", UNKNOWN_AGENT);
        }
        AgentStep step = ActivityHeartbeat.whileRunning(() -> model.nextStep(request));
        AgentStep bounded = step.within(maxPayloadBytes);
        if (!bounded.equals(step)) {
            log.warn(
                    "the model of agent '{}' replied to task {} with more than {} bytes; its reply was cut",
                    request.agent(),
                    request.taskId(),
                    maxPayloadBytes);
        }
        return bounded;
    }
}
