package dev.countersign.task;

/**
 * How far one task's agent may go: at most {@code maxSteps} model calls and {@code tokenBudget}
 * tokens over all runs (passing either ends the task FAILED, the guard against a runaway agent), and
 * a new run after every {@code continueAsNewAfter} steps of one run, or sooner when Temporal suggests
 * it. Set per agent with {@code max-steps}, {@code token-budget} and {@code continue-as-new-after}
 * of its entry in the agents file. A budget written before tokens were counted reads as the default.
 */
public record StepBudget(int maxSteps, int continueAsNewAfter, long tokenBudget) {

    public static final int DEFAULT_MAX_STEPS = 10_000;
    public static final int DEFAULT_CONTINUE_AS_NEW_AFTER = 500;
    public static final long DEFAULT_TOKEN_BUDGET = 2_000_000;
    public static final StepBudget DEFAULT = new StepBudget(DEFAULT_MAX_STEPS, DEFAULT_CONTINUE_AS_NEW_AFTER);

    /** A budget of steps, with the default token budget. */
    public StepBudget(int maxSteps, int continueAsNewAfter) {
        this(maxSteps, continueAsNewAfter, DEFAULT_TOKEN_BUDGET);
    }

    public StepBudget {
        tokenBudget = tokenBudget == 0 ? DEFAULT_TOKEN_BUDGET : tokenBudget;
        if (tokenBudget < 0) {
            throw new IllegalArgumentException("an agent's token budget must be at least 1, was " + tokenBudget);
        }
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
