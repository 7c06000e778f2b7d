package dev.countersign.service.console;

import dev.countersign.service.console.claim.Claims;
import dev.countersign.store.CountersignSchema;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console's settings and its one piece of state of its own, in the service's database: who is
 * looking at which approval.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleConfiguration {

    @Bean
    public Claims consoleClaims(CountersignSchema schema, ConsoleProperties properties, ObjectProvider<Clock> clock) {
        return new Claims(schema.dataSource(), clock.getIfAvailable(Clock::systemUTC), properties.claimTtl());
    }

    @Bean
    public ConsoleFormat consoleFormat(ConsoleProperties properties, ObjectProvider<Clock> clock) {
        return new ConsoleFormat(clock.getIfAvailable(Clock::systemUTC), properties.timeZone());
    }
}
