package dev.countersign.service.api;

import dev.countersign.client.Countersign;
import dev.countersign.service.security.TaskAccess;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bulk decisions of the API, on their own bounded pool ({@link BulkDecisionProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulkDecisionProperties.class)
public class BulkDecisionConfiguration {

    @Bean(destroyMethod = "close")
    BulkDecisions bulkDecisions(
            Countersign countersign,
            TaskAccess access,
            ApprovalDecisions decisions,
            ApiExceptionHandler problems,
            BulkDecisionProperties properties) {
        return new BulkDecisions(countersign, access, decisions, problems, properties.parallelism());
    }
}
