package dev.countersign.service.security.token;

import dev.countersign.service.security.ConfiguredUsers;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Personal API tokens on the application's DataSource, and what turns a bearer token into its owner. */
@Configuration(proxyBeanMethods = false)
public class ApiTokenConfiguration {

    @Bean
    public JdbcApiTokens apiTokens(DataSource dataSource) {
        return new JdbcApiTokens(dataSource, Clock.systemUTC());
    }

    @Bean
    public ApiTokenAuthenticator apiTokenAuthenticator(JdbcApiTokens apiTokens, ConfiguredUsers users) {
        return new ApiTokenAuthenticator(apiTokens, users, Clock.systemUTC());
    }
}
