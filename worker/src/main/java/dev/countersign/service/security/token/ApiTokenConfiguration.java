package dev.countersign.service.security.token;

import dev.countersign.service.security.ConfiguredUsers;
import dev.countersign.store.CountersignSchema;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Personal API tokens in the application's database (CountersignSchema), and what turns a bearer token into its owner. */
@Configuration(proxyBeanMethods = false)
public class ApiTokenConfiguration {

    @Bean
    public JdbcApiTokens apiTokens(CountersignSchema schema) {
        return new JdbcApiTokens(schema.dataSource(), Clock.systemUTC());
    }

    @Bean
    public ApiTokenAuthenticator apiTokenAuthenticator(JdbcApiTokens apiTokens, ConfiguredUsers users) {
        return new ApiTokenAuthenticator(apiTokens, users, Clock.systemUTC());
    }
}
