package dev.countersign.activities.agent;

import dev.countersign.activities.store.TranscriptGap;
import dev.countersign.activities.store.TranscriptStore;
import dev.countersign.activities.tool.ActivityHeartbeat;
import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepRequest;
import dev.countersign.payload.PayloadBounds;
import io.temporal.failure.ApplicationFailure;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each task's "what next?" to the AgentModel of its agent profile: stores the entries the
 * workflow sends in the {@link TranscriptStore} and gives the model the whole conversation rebuilt
 * from it.
 */
public class AgentActivitiesImpl implements AgentActivities {

    public static final String UNKNOWN_AGENT = "UnknownAgent";

    /** The failure type of a model call whose earlier conversation the transcript store does not hold. */
    public static final String TRANSCRIPT_GAP = "TranscriptGap";

    private static final Logger log = LoggerFactory.getLogger(AgentActivitiesImpl.class);

    private final Map<String, AgentModel> models = new TreeMap<>();
    private final TranscriptStore transcripts;
    private final int maxPayloadBytes;

    public AgentActivitiesImpl(Collection<? extends AgentModel> models, TranscriptStore transcripts) {
        this(models, transcripts, PayloadBounds.MAX_VALUE_BYTES);
    }

    /**
     * @param maxPayloadBytes the size a model's reply is cut to (its texts and arguments, visibly),
     *     so that it never makes the task's history too large; at most {@link
     *     PayloadBounds#MAX_VALUE_BYTES}
     */
    public AgentActivitiesImpl(
            Collection<? extends AgentModel> models, TranscriptStore transcripts, int maxPayloadBytes) {
        if (maxPayloadBytes <= 0 || maxPayloadBytes > PayloadBounds.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException(
                    "the payload bound must lie between 1 and " + PayloadBounds.MAX_VALUE_BYTES + " bytes");
        }
        if (transcripts == null) {
            throw new IllegalArgumentException("the agent activities need a transcript store");
        }
        this.transcripts = transcripts;
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

    public Set<String> agents() {
        return models.keySet();
    }

    @Override
    public AgentStep nextStep(StepRequest turn) {
        AgentModel model = models.get(turn.agent());
        if (model == null) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "no agent model serves the agent '" + turn.agent() + "'", UNKNOWN_AGENT);
        }
        AgentRequest request = conversation(turn);
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

    /** Stores what the workflow sent (idempotent by position, so a retry stores nothing twice), then reads it all. */
    private AgentRequest conversation(StepRequest turn) {
        try {
            if (turn.first()) {
                transcripts.begin(turn.taskId(), turn.firstRunId(), turn.agent(), turn.goal(), turn.input());
            }
            transcripts.append(turn.taskId(), turn.firstRunId(), turn.from(), turn.entries());
            return transcripts.conversation(turn.taskId(), turn.firstRunId());
        } catch (TranscriptGap gap) {
            // Retrying cannot bring back what the store forgot; the task fails with a message that says why.
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    gap.getMessage() + ". The transcript store must be as durable as the Temporal server: with a"
                            + " durable Temporal, keep conversations in a durable database (for example PostgreSQL,"
                            + " not an in-memory H2)",
                    TRANSCRIPT_GAP,
                    gap);
        }
    }
}
