package dev.countersign.service.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limits on what a request may carry, shared by the API and the console. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsConfiguration {

    @Bean
    FieldLimits fieldLimits(LimitsProperties limits) {
        return new FieldLimits(limits);
    }
}
