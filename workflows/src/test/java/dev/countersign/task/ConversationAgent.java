package dev.countersign.task;

import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scripted agent for workflow tests behind an in-memory transcript store, as the activities
 * module's model activity is: each step's new entries are stored by position (a retried step stores
 * nothing twice) and the agent is given the whole conversation. Remembers every request it got.
 */
abstract class ConversationAgent implements AgentActivities {

    final List<StepRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Stored> conversations = new ConcurrentHashMap<>();

    private record Stored(String goal, Map<String, Object> input, List<TranscriptEntry> entries) {}

    @Override
    public final AgentStep nextStep(StepRequest request) {
        requests.add(request);
        return next(conversation(request));
    }

    /** The next step for the whole conversation. */
    protected abstract AgentStep next(AgentRequest request);

    private synchronized AgentRequest conversation(StepRequest request) {
        String key = request.taskId() + "/" + request.firstRunId();
        Stored stored = request.first()
                ? conversations.computeIfAbsent(
                        key, k -> new Stored(request.goal(), request.input(), new ArrayList<>()))
                : conversations.get(key);
        if (stored == null) {
            throw new IllegalStateException("no conversation stored for " + key);
        }
        List<TranscriptEntry> entries = stored.entries();
        if (request.from() > entries.size()) {
            throw new IllegalStateException(
                    "entries from " + request.from() + " of " + key + " after a gap at " + entries.size());
        }
        for (int i = 0; i < request.entries().size(); i++) {
            if (request.from() + i == entries.size()) {
                entries.add(request.entries().get(i));
            }
        }
        return new AgentRequest(request.taskId(), request.agent(), stored.goal(), stored.input(), List.copyOf(entries));
    }
}
