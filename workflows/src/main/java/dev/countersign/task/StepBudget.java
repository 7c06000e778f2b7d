package dev.countersign.task;

/**
 * How far one task's agent may go: at most {@code maxSteps} model calls over all runs (reaching it
 * ends the task FAILED, the guard against a runaway agent), and a new run after every {@code
 * continueAsNewAfter} steps of one run, or sooner when Temporal suggests it. Set per agent with
 * {@code max-steps} and {@code continue-as-new-after} of its entry in the agents file.
 */
public record StepBudget(int maxSteps, int continueAsNewAfter) {

    public static final int DEFAULT_MAX_STEPS = 10_000;
    public static final int DEFAULT_CONTINUE_AS_NEW_AFTER = 500;
    public static final StepBudget DEFAULT = new StepBudget(DEFAULT_MAX_STEPS, DEFAULT_CONTINUE_AS_NEW_AFTER);

    public StepBudget {
        if (maxSteps < 1) {
            throw new IllegalArgumentException(
                    "an agent's step budget (max-steps) must be at least 1, was " + maxSteps);
        }
        if (continueAsNewAfter < 1) {
            throw new IllegalArgumentException(
                    "continue-as-new-after must be at least 1 step, was " + continueAsNewAfter);
        }
    }
}
