package dev.countersign.service.security.throttle;

import dev.countersign.store.CountersignSchema;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The login throttle (in the service's database, shared by replicas; in memory only without one)
 * and the one {@code AuthenticationProvider} bean, which Spring Security's global authentication
 * manager then uses in place of the provider it would build from the user store: the same user store
 * and password encoder, behind the throttle.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottleConfiguration {

    @Bean
    public LoginThrottle loginThrottle(
            LoginThrottleProperties properties, ObjectProvider<CountersignSchema> schema, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        CountersignSchema database = schema.getIfAvailable();
        return database == null
                ? new InMemoryLoginThrottle(properties, time)
                : new JdbcLoginThrottle(database.dataSource(), properties, time);
    }

    @Bean
    public ThrottledAuthenticationProvider throttledAuthenticationProvider(
            UserDetailsService users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            ObjectProvider<Clock> clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle, clock.getIfAvailable(Clock::systemUTC));
    }
}
