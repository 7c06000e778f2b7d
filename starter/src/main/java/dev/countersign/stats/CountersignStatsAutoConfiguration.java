package dev.countersign.stats;

import dev.countersign.activities.store.ActionArchive;
import dev.countersign.autoconfigure.CountersignAutoConfiguration;
import dev.countersign.client.Countersign;
import dev.countersign.task.StepBudget;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
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
    public PolicyStatsReader countersignPolicyStatsReader(
            Countersign countersign, StatsProperties properties, ObjectProvider<ActionArchive> archive) {
        ActionArchive available = archive.getIfAvailable();
        // A task proposes at most one action a step, so its step budget bounds what the archive holds.
        EarlierActions earlier = available == null
                ? EarlierActions.NONE
                : new ArchivedEarlierActions(available, StepBudget.DEFAULT_MAX_STEPS);
        return new PolicyStatsReader(countersign, properties, Clock.systemUTC(), earlier);
    }
}
