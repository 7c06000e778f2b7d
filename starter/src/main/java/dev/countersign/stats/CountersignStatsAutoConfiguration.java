package dev.countersign.stats;

import dev.countersign.activities.store.ActionArchive;
import dev.countersign.autoconfigure.CountersignAutoConfiguration;
import dev.countersign.client.Countersign;
import dev.countersign.record.DecisionRecordProperties;
import dev.countersign.record.DecisionRecordStore;
import dev.countersign.task.StepBudget;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The decision record's statistics and suggestions, read from the durable decision record, and its
 * rebuild from the tasks Temporal still keeps.
 */
@AutoConfiguration(after = CountersignAutoConfiguration.class)
@EnableConfigurationProperties(StatsProperties.class)
public class CountersignStatsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DecisionRecordStore.class)
    public PolicyStatsReader countersignPolicyStatsReader(DecisionRecordStore store, StatsProperties properties) {
        return new PolicyStatsReader(store, properties, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({Countersign.class, DecisionRecordStore.class})
    public DecisionRecordRebuild countersignDecisionRecordRebuild(
            Countersign countersign,
            DecisionRecordStore store,
            DecisionRecordProperties properties,
            ObjectProvider<ActionArchive> archive) {
        ActionArchive available = archive.getIfAvailable();
        // A task proposes at most one action a step, so its step budget bounds what the archive holds.
        EarlierActions earlier = available == null
                ? EarlierActions.NONE
                : new ArchivedEarlierActions(available, StepBudget.DEFAULT_MAX_STEPS);
        return new DecisionRecordRebuild(countersign, earlier, store, properties.rebuildMaxTasks(), Clock.systemUTC());
    }
}
