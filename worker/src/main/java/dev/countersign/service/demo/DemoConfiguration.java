package dev.countersign.service.demo;

import dev.countersign.service.security.TaskAccess;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo support agent, its three tools and its ledger, behind one switch:
 * {@code countersign.demo.enabled} (on unless set to false). The tables live in the application's
 * DataSource.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = DemoConfiguration.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
public class DemoConfiguration {

    static final String PREFIX = "countersign.demo";

    @Bean
    DemoSchema demoSchema(DataSource dataSource) {
        return DemoSchema.createIn(dataSource);
    }

    @Bean
    SupportAgent supportAgent() {
        return new SupportAgent();
    }

    @Bean
    LookupOrderTool lookupOrderTool(DemoSchema schema) {
        return new LookupOrderTool(schema.jdbc());
    }

    @Bean
    IssueRefundTool issueRefundTool(DemoSchema schema) {
        return new IssueRefundTool(schema);
    }

    @Bean
    SendEmailTool sendEmailTool(DemoSchema schema) {
        return new SendEmailTool(schema.jdbc());
    }

    @Bean
    DemoLedger demoLedger(DemoSchema schema) {
        return new DemoLedger(schema.jdbc());
    }

    @Bean
    DemoLedgerController demoLedgerController(DemoLedger demoLedger, TaskAccess access) {
        return new DemoLedgerController(demoLedger, access);
    }
}
