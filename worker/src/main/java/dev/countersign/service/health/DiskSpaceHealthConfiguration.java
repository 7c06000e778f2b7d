package dev.countersign.service.health;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The {@code diskSpace} health component without the {@code path} detail Boot's shows: free and
 * total space and the threshold say what an operator needs; the service's working directory is
 * nothing a health answer should reveal. Replaces Boot's bean of the same name.
 */
@Configuration(proxyBeanMethods = false)
public class DiskSpaceHealthConfiguration {

    static final String PATH = "path";

    @Bean
    @ConditionalOnProperty(name = "management.health.diskspace.enabled", matchIfMissing = true)
    public HealthIndicator diskSpaceHealthIndicator(
            @Value("${management.health.diskspace.path:.}") File path,
            @Value("${management.health.diskspace.threshold:10MB}") DataSize threshold) {
        DiskSpaceHealthIndicator disk = new DiskSpaceHealthIndicator(path, threshold);
        return () -> withoutPath(disk.health());
    }

    static Health withoutPath(Health health) {
        Map<String, Object> details = new LinkedHashMap<>(health.getDetails());
        details.remove(PATH);
        return Health.status(health.getStatus()).withDetails(details).build();
    }
}
