package dev.countersign.service.security;

import dev.countersign.service.security.throttle.LoginThrottleConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users and groups of {@code countersign.security}: a delegating password encoder, the user
 * store, the start-up warning about demo passwords, the log line for each failed login, the
 * throttle on failed logins, and who may read which task ({@link TaskAccess}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CountersignSecurityProperties.class)
@Import(LoginThrottleConfiguration.class)
public class UserStoreConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public ConfiguredUsers configuredUsers(CountersignSecurityProperties properties, PasswordEncoder passwordEncoder) {
        return new ConfiguredUsers(properties.users(), passwordEncoder);
    }

    @Bean
    public DefaultPasswordWarning defaultPasswordWarning(ConfiguredUsers configuredUsers) {
        return new DefaultPasswordWarning(configuredUsers);
    }

    // Without a publisher bean the global AuthenticationManager publishes no failure events.
    @Bean
    public AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    public AuthenticationFailureLogger authenticationFailureLogger() {
        return new AuthenticationFailureLogger();
    }

    @Bean
    public TaskAccess taskAccess(CountersignSecurityProperties properties) {
        return TaskAccess.of(properties);
    }
}
