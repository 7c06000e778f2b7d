package dev.countersign.autoconfigure;

import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.StepBudget;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code countersign.}: the task queue the workflows run on, where the policy file
 * is, and whether this process runs a worker (an API-only replica sets it to false).
 *
 * @param taskQueue the Temporal task queue of agent tasks
 * @param policy the policy file
 * @param worker this process's worker
 * @param agents settings per agent profile, by the agent's name
 */
@ConfigurationProperties("countersign")
public record CountersignProperties(
        @DefaultValue(AgentTaskWorkflow.TASK_QUEUE) String taskQueue,
        @DefaultValue Policy policy,
        @DefaultValue Worker worker,
        Map<String, Agent> agents) {

    public CountersignProperties {
        if (taskQueue == null || taskQueue.isBlank()) {
            throw new IllegalArgumentException("countersign.task-queue must not be blank");
        }
        agents = agents == null ? Map.of() : Map.copyOf(agents);
        agents.forEach((name, agent) -> agent.check(name));
    }

    /** The step budget of this agent's tasks: its settings, or the defaults. */
    public StepBudget budgetOf(String agent) {
        Agent settings = agents.get(agent);
        return settings == null
                ? StepBudget.DEFAULT
                : new StepBudget(settings.maxSteps(), settings.continueAsNewAfter());
    }

    /**
     * @param maxSteps how many model calls one task of this agent may make over all its runs; reaching
     *     it ends the task FAILED (the guard against a runaway agent)
     * @param continueAsNewAfter after how many steps of one run the task continues as new (sooner when
     *     Temporal suggests it), which keeps each run's history small
     */
    public record Agent(
            @DefaultValue("" + StepBudget.DEFAULT_MAX_STEPS) int maxSteps,

            @DefaultValue("" + StepBudget.DEFAULT_CONTINUE_AS_NEW_AFTER)
            int continueAsNewAfter) {

        void check(String name) {
            if (maxSteps < 1) {
                throw new IllegalArgumentException(
                        "countersign.agents." + name + ".max-steps must be at least 1, was " + maxSteps);
            }
            if (continueAsNewAfter < 1) {
                throw new IllegalArgumentException("countersign.agents." + name
                        + ".continue-as-new-after must be at least 1, was " + continueAsNewAfter);
            }
        }
    }

    /**
     * @param location a Spring resource location of the YAML policy file, for example {@code
     *     file:/etc/countersign/policy.yaml} or {@code classpath:countersign-policy.yaml}
     */
    public record Policy(
            @DefaultValue("classpath:countersign-policy.yaml")
            String location) {

        public Policy {
            if (location == null || location.isBlank()) {
                throw new IllegalArgumentException("countersign.policy.location must name the policy file");
            }
        }
    }

    /**
     * @param enabled whether this process polls the task queue and runs workflows and activities
     * @param shutdownGrace how long a stopping worker waits for its running workflow tasks and
     *     activities before it interrupts them (Temporal retries them elsewhere), so a wedged one
     *     never holds up a shutdown
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT10S") java.time.Duration shutdownGrace) {

        public Worker {
            if (shutdownGrace == null || shutdownGrace.isNegative()) {
                throw new IllegalArgumentException(
                        "countersign.worker.shutdown-grace must be a duration of zero or more, was " + shutdownGrace);
            }
        }
    }
}
