package dev.countersign.history;

import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.ToolCall;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import java.util.List;
import java.util.Map;

/** Proposes {@code note(step)} at every step, and the note tool answers what it wrote. */
public final class ChainedActivities implements AgentActivities, ToolActivities {

    @Override
    public AgentStep nextStep(StepRequest request) {
        return AgentStep.call(new ToolCall("note", Map.of("step", request.step()), "keep going", 0.9, List.of()));
    }

    @Override
    public ToolResult executeTool(ToolInvocation invocation) {
        return new ToolResult(Map.of("noted", invocation.args().get("step")));
    }

    @Override
    public ToolResult compensate(CompensationRequest request) {
        return new ToolResult(Map.of());
    }
}
