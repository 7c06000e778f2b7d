package dev.countersign.service.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process Temporal server used when no {@code TEMPORAL_ADDRESS} is given.
 *
 * @param enabled whether to start it (it never starts when TEMPORAL_ADDRESS is set)
 * @param port the loopback port it listens on; clients such as the temporal CLI can connect there
 */
@ConfigurationProperties("countersign.embedded-temporal")
public record EmbeddedTemporalProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7233") int port) {

    public EmbeddedTemporalProperties {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("countersign.embedded-temporal.port must be 1 to 65535, was " + port);
        }
    }
}
