package dev.countersign.stats;

import dev.countersign.autoconfigure.CountersignAutoConfiguration;
import dev.countersign.client.Countersign;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The decision record (statistics and suggestions) over the facade's tasks. */
@AutoConfiguration(after = CountersignAutoConfiguration.class)
@EnableConfigurationProperties(StatsProperties.class)
public class CountersignStatsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Countersign.class)
    public PolicyStatsReader countersignPolicyStatsReader(Countersign countersign, StatsProperties properties) {
        return new PolicyStatsReader(countersign, properties, Clock.systemUTC());
    }
}
