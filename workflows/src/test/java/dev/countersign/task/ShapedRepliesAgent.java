package dev.countersign.task;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** The {@link RefundTestAgent} with its replies reshaped by the test, remembering every request it got. */
class ShapedRepliesAgent extends ConversationAgent {

    final List<AgentRequest> conversations = new CopyOnWriteArrayList<>();
    private final RefundTestAgent agent = new RefundTestAgent();
    private final UnaryOperator<AgentStep> shape;

    ShapedRepliesAgent(UnaryOperator<AgentStep> shape) {
        this.shape = shape;
    }

    @Override
    protected AgentStep next(AgentRequest request) {
        conversations.add(request);
        return shape.apply(agent.next(request));
    }
}
