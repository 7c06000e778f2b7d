package dev.countersign.service.health;

import dev.countersign.listing.TaskReadFailures;
import dev.countersign.listing.TaskReads;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code temporal} and {@code unreadableTasks} health components of /actuator/health. */
@Configuration(proxyBeanMethods = false)
public class TemporalHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "temporalHealthIndicator")
    public TemporalHealthIndicator temporalHealthIndicator(
            WorkflowClient client,
            @Value("${spring.temporal.connection.target:}") String target,
            @Value("${countersign.health.temporal-timeout:PT2S}") Duration timeout) {
        return new TemporalHealthIndicator(client.getWorkflowServiceStubs(), target, timeout);
    }

    @Bean
    @ConditionalOnMissingBean(name = "unreadableTasksHealthIndicator")
    public UnreadableTasksHealthIndicator unreadableTasksHealthIndicator(TaskReadFailures failures, TaskReads reads) {
        return new UnreadableTasksHealthIndicator(
                failures, new ReportedProblems(reads.queryClient(), Duration.ofSeconds(30), Clock.systemUTC()));
    }
}
