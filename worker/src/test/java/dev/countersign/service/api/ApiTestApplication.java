package dev.countersign.service.api;

import dev.countersign.service.limits.LimitsConfiguration;
import dev.countersign.service.security.ApiSecurityConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The smallest application the web tests need: the API's controllers and advice and the real
 * security configuration, nothing scanned. The facade is a mock in each test.
 */
@SpringBootConfiguration
@Import({
    TaskController.class,
    ApprovalController.class,
    ApprovalDecisions.class,
    BulkDecisionConfiguration.class,
    ReviewController.class,
    ApiExceptionHandler.class,
    ApiSecurityConfiguration.class,
    LimitsConfiguration.class
})
public class ApiTestApplication {}
