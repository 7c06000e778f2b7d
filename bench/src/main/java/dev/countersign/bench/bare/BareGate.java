package dev.countersign.bench.bare;

import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The smallest approval gate Temporal allows: wait for one decision, then run the tool once. */
@WorkflowInterface
public interface BareGate {

    @WorkflowMethod
    void run(BareGateInput input);

    /** An Update, as Countersign's decisions are: the caller gets an answer, and the decision is in history. */
    @UpdateMethod
    String decide(String decision);
}
