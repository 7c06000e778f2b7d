package dev.countersign.task;

import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** The {@link RefundTestAgent} with its replies reshaped by the test, remembering every request it got. */
class ShapedRepliesAgent implements AgentActivities {

    final List<AgentRequest> requests = new CopyOnWriteArrayList<>();
    private final AgentActivities agent = new RefundTestAgent();
    private final UnaryOperator<AgentStep> shape;

    ShapedRepliesAgent(UnaryOperator<AgentStep> shape) {
        this.shape = shape;
    }

    @Override
    public AgentStep nextStep(AgentRequest request) {
        requests.add(request);
        return shape.apply(agent.nextStep(request));
    }
}
