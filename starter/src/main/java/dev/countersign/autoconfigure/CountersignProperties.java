package dev.countersign.autoconfigure;

import dev.countersign.task.AgentTaskWorkflow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code countersign.}: the task queue the workflows run on, where the policy file
 * is, and whether this process runs a worker (an API-only replica sets it to false).
 *
 * @param taskQueue the Temporal task queue of agent tasks
 * @param policy the policy file
 * @param worker this process's worker
 * @param agents a Spring resource location of the agents file ({@code COUNTERSIGN_AGENTS}, for
 *     example {@code file:/etc/countersign/agents.yaml}); empty when there is none
 */
@ConfigurationProperties("countersign")
public record CountersignProperties(
        @DefaultValue(AgentTaskWorkflow.TASK_QUEUE) String taskQueue,
        @DefaultValue Policy policy,
        @DefaultValue Worker worker,
        @DefaultValue("") String agents) {

    public CountersignProperties {
        if (taskQueue == null || taskQueue.isBlank()) {
            throw new IllegalArgumentException("countersign.task-queue must not be blank");
        }
        agents = agents == null ? "" : agents.strip();
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
