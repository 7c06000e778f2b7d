package dev.countersign.activities.agent;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import java.util.ArrayList;
import java.util.List;

/** An agent model that finishes at once and keeps every request it was given. */
final class RecordingModel implements AgentModel {

    final List<AgentRequest> requests = new ArrayList<>();

    @Override
    public String agent() {
        return "support";
    }

    @Override
    public AgentStep nextStep(AgentRequest request) {
        requests.add(request);
        return AgentStep.finish("done");
    }

    AgentRequest last() {
        return requests.get(requests.size() - 1);
    }
}
