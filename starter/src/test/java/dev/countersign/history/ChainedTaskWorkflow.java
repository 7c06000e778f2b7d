package dev.countersign.history;

import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A stand-in for a long agent task: two agent steps a run, each a model call and a tool call, then
 * a person's answer, and a new run until six steps are done. Its workflow type is the task
 * workflow's, so readers that list or read tasks treat it as one.
 */
@WorkflowInterface
public interface ChainedTaskWorkflow {

    int STEPS_PER_RUN = 2;
    int STEPS = 6;

    @WorkflowMethod(name = "AgentTaskWorkflow")
    String run(TaskStart start, ChainedState carried);

    // An Update, as the task workflow's answer is: the test knows when the run has taken it.
    @UpdateMethod
    void answer(TaskMessage answer);
}
