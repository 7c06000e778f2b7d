package dev.countersign.history;

import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public class ChainedTaskWorkflowImpl implements ChainedTaskWorkflow {

    /** Carried into every run, so a test can show that the carried state stays out of the timeline. */
    static final String CARRIED_NOTE = "carried-state-not-for-the-timeline";

    private static final ActivityOptions OPTIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .build();

    private final AgentActivities agent = Workflow.newActivityStub(AgentActivities.class, OPTIONS);
    private final ToolActivities tools = Workflow.newActivityStub(ToolActivities.class, OPTIONS);
    private boolean stepped;
    private boolean answered;

    @Override
    public String run(TaskStart start, ChainedState carried) {
        int steps = carried == null ? 0 : carried.steps();
        List<TranscriptEntry> since = new ArrayList<>();
        for (int i = 0; i < STEPS_PER_RUN; i++) {
            steps++;
            boolean first = steps == 1;
            AgentStep step = agent.nextStep(new StepRequest(
                    start.taskId(),
                    Workflow.getInfo().getFirstExecutionRunId(),
                    start.agent(),
                    steps,
                    first ? start.goal() : null,
                    first ? start.input() : null,
                    steps - 1,
                    since));
            String actionId = "a" + steps;
            ToolResult result = tools.executeTool(new ToolInvocation(
                    start.taskId(),
                    actionId,
                    step.toolCall().tool(),
                    step.toolCall().args(),
                    "digest",
                    ToolInvocation.idempotencyKey(start.taskId(), actionId)));
            since = List.of(new TranscriptEntry(
                    TranscriptKind.TOOL_RESULT, actionId, step.toolCall(), result.output(), null, null, null));
        }
        stepped = true;
        Workflow.await(() -> answered);
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (steps < STEPS) {
            Workflow.continueAsNew(start, new ChainedState(steps, CARRIED_NOTE));
        }
        return "done after " + steps + " steps";
    }

    @Override
    public void answer(TaskMessage answer) {
        // Completes after the run's steps whenever it arrives, so the story's order is always the same.
        Workflow.await(() -> stepped);
        answered = true;
    }
}
